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

    private final HttpClient client;
    private final int port;
    private final int concurrency;

    /** A client to {@code port} with a connection for each of the {@code concurrency} requests in flight. */
    PreheatLoad(Vertx vertx, int port, int concurrency) {
        this.port = port;
        this.concurrency = concurrency;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS), new PoolOptions().setHttp1MaxSize(concurrency));
    }

    /** Waits until the server answers (it may start listening after the warm-up began), or the deadline. */
    boolean awaitServer(long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() - deadlineNanos < 0) {
            if (status(get("/q/health/live"), deadlineNanos) == 200) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * How many requests went out, how many were answered 2xx, and every answer by status (0: none, the connection
     * failed or the deadline passed), for the log: a warm-up whose requests fail says why.
     */
    record Sent(int requests, int answered, Map<Integer, Integer> statuses) {
    }

    /** Sends up to {@code count} requests, the client's concurrency in flight, until the deadline. */
    Sent send(IntFunction<PreheatRequest> requests, int count, long deadlineNanos)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger answered = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        int sent = 0;
        for (; sent < count; sent++) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            post(requests.apply(sent), deadlineNanos).onComplete(answer -> {
                int status = answer.succeeded() ? answer.result() : 0;
                statuses.merge(status, 1, Integer::sum);
                if (status / 100 == 2) {
                    answered.incrementAndGet();
                }
                inFlight.release();
            });
        }
        // the last ones: wait for them, within the deadline
        long left = deadlineNanos - System.nanoTime();
        if (left > 0 && inFlight.tryAcquire(concurrency, left, TimeUnit.NANOSECONDS)) {
            inFlight.release(concurrency);
        }
        return new Sent(sent, answered.get(), statuses);
    }

    @Override
    public void close() {
        client.close();
    }

    private Future<Integer> post(PreheatRequest request, long deadlineNanos) {
        RequestOptions options = options(HttpMethod.POST, request.path(), deadlineNanos)
                .putHeader("Authorization", "Bearer " + request.token()).putHeader("Content-Type", "application/json");
        return client.request(options).compose(http -> http.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    private Future<Integer> get(String path) {
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
