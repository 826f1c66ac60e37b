package io.checkin.preheat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends the warm-up's requests over HTTP to the pod's own port, a number at a time, until all are answered or the
 * deadline passes: through the server, the security layer and the function exactly as a person's request goes.
 */
final class PreheatLoad {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final URI base;

    PreheatLoad(URI base) {
        this.base = base;
    }

    /** Waits until the server answers (it may start listening after the warm-up began), or the deadline. */
    boolean awaitServer(long deadlineNanos) throws InterruptedException {
        HttpRequest live = HttpRequest.newBuilder(base.resolve("/q/health/live")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() - deadlineNanos < 0) {
            try {
                if (client.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // not listening yet
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

    /** Sends up to {@code count} requests, {@code concurrency} in flight, until the deadline. */
    Sent send(IntFunction<PreheatRequest> requests, int count, int concurrency, long deadlineNanos)
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
            PreheatRequest request = requests.apply(sent);
            HttpRequest http = HttpRequest.newBuilder(base.resolve(request.path()))
                    .timeout(Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), 1)))
                    .header("Authorization", "Bearer " + request.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body())).build();
            client.sendAsync(http, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                int status = failure == null ? response.statusCode() : 0;
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
}
