package io.checkin.preheat;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Sends the warm-up's requests over HTTP to the pod's own port, a number at a time, until all are answered or the
 * deadline passes: through the server, the security layer and the function exactly as a person's request goes. The
 * client is the server's own Vert.x (its event loops and Netty), so sending costs the pod little of the CPU the
 * warm-up is for, and what the JIT compiles for the client's Netty serves the server as well.
 */
final class PreheatLoad implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    /**
     * One request in this many asks the server to close its connection after the answer, as a phone that has scanned
     * and gone does, and the next one opens a new connection: accepting and closing connections is part of people's
     * traffic, and a warm-up that kept its 32 connections closed one for the first time at its end, just before ready.
     */
    static final int CLOSE_EVERY = 16;

    private final Vertx vertx;
    private final HttpClient client;
    private final int port;
    private final int concurrency;

    /** A client to {@code port} with a connection for each of the {@code concurrency} requests in flight. */
    PreheatLoad(Vertx vertx, int port, int concurrency) {
        this.vertx = vertx;
        this.port = port;
        this.concurrency = concurrency;
        this.client = client(concurrency);
    }

    private HttpClient client(int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS), new PoolOptions().setHttp1MaxSize(connections));
    }

    /**
     * Waits until the server answers (it may start listening after the warm-up began), or the deadline. It asks with a
     * client of its own that it closes once answered: closing a client and its connection loads classes (the pool's
     * removal, the channel's close) that were otherwise first loaded at the warm-up's end, just before ready, where
     * compiled server methods were being thrown away (docs/benchmarks.md, "Pre-heat"). Loaded now, before the JIT
     * compiles those paths, they cannot invalidate what it compiles.
     */
    boolean awaitServer(long deadlineNanos) throws InterruptedException {
        HttpClient once = client(1);
        try {
            while (System.nanoTime() - deadlineNanos < 0) {
                if (status(get(once, "/q/health/live"), deadlineNanos) == 200) {
                    return true;
                }
                Thread.sleep(20);
            }
            return false;
        } finally {
            status(once.close().map(0), deadlineNanos);
        }
    }

    /**
     * How many requests went out, how many were answered 2xx, and every answer by status (0: none, the connection
     * failed or the deadline passed), for the log: a warm-up whose requests fail says why.
     */
    record Sent(int requests, int answered, Map<Integer, Integer> statuses) {
    }

    /**
     * Sends up to {@code count} requests, the client's concurrency in flight, until {@code sendUntil}; the requests
     * sent by then are answered until {@code answerUntil}. A request cut off in flight costs more than its answer: a
     * timeout, a connection reset, a refusal on the server, paths the warm-up never took before, and their first taking
     * made the compiled server paths they touch be thrown away just before ready (docs/benchmarks.md, "Pre-heat").
     */
    Sent send(IntFunction<PreheatRequest> requests, int count, long sendUntil, long answerUntil)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger answered = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        int sent = 0;
        for (; sent < count; sent++) {
            long left = sendUntil - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            post(requests.apply(sent), sent % CLOSE_EVERY == CLOSE_EVERY - 1, answerUntil).onComplete(answer -> {
                int status = answer.succeeded() ? answer.result() : 0;
                statuses.merge(status, 1, Integer::sum);
                if (status / 100 == 2) {
                    answered.incrementAndGet();
                }
                inFlight.release();
            });
        }
        // the last ones: wait for their answers
        long left = answerUntil - System.nanoTime();
        if (left > 0 && inFlight.tryAcquire(concurrency, left, TimeUnit.NANOSECONDS)) {
            inFlight.release(concurrency);
        }
        return new Sent(sent, answered.get(), statuses);
    }

    @Override
    public void close() {
        client.close();
    }

    private Future<Integer> post(PreheatRequest request, boolean last, long deadlineNanos) {
        RequestOptions options = options(HttpMethod.POST, request.path(), deadlineNanos)
                .putHeader("Authorization", "Bearer " + request.token()).putHeader("Content-Type", "application/json");
        if (last) {
            options.putHeader("Connection", "close");
        }
        return client.request(options).compose(http -> http.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    private Future<Integer> get(HttpClient client, String path) {
        return client.request(options(HttpMethod.GET, path, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)))
                .compose(http -> http.send()).compose(response -> response.body().map(body -> response.statusCode()));
    }

    private RequestOptions options(HttpMethod method, String path, long deadlineNanos) {
        long millis = Math.max(TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()), 1);
        return new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
                .setIdleTimeout(millis);
    }

    /** The status of an answer, 0 when there is none by the deadline. */
    private static int status(Future<Integer> answer, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        try {
            return answer.toCompletionStage().toCompletableFuture().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return 0;
        }
    }
}
