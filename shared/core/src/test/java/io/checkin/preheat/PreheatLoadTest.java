package io.checkin.preheat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The warm-up's client stops sending at one moment and lets what it sent be answered until a later one: a request cut
 * off in flight (a timeout on the client, a reset connection on the server) takes paths the warm-up never took, just
 * before the pod turns ready.
 */
class PreheatLoadTest {

    private static final Duration ANSWER_AFTER = Duration.ofMillis(1_500);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void requestsInFlightWhenSendingStopsAreAnsweredNotCutOff() throws Exception {
        int port = await(vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> vertx.setTimer(ANSWER_AFTER.toMillis(),
                        t -> request.response().setStatusCode(200).end("{}"))))
                .listen(0)).actualPort();
        try (PreheatLoad load = new PreheatLoad(vertx, port, 4)) {
            long now = System.nanoTime();
            PreheatLoad.Sent sent = load.send(i -> new PreheatRequest("/scan-in", "token", "{}"), 1_000,
                    now + TimeUnit.MILLISECONDS.toNanos(500), now + TimeUnit.SECONDS.toNanos(10));
            assertTrue(sent.requests() >= 1 && sent.requests() <= 4, "sending stopped while the first were in flight");
            assertEquals(sent.requests(), sent.answered());
            assertEquals(Map.of(200, sent.requests()), sent.statuses(), "every request sent was answered");
        }
    }

    @Test
    void aServerThatHangsIsGivenUpOnAtTheAnswersDeadline() throws Exception {
        int port = await(vertx.createHttpServer().requestHandler(request -> { }).listen(0)).actualPort();
        try (PreheatLoad load = new PreheatLoad(vertx, port, 2)) {
            long now = System.nanoTime();
            PreheatLoad.Sent sent = load.send(i -> new PreheatRequest("/scan-in", "token", "{}"), 1_000,
                    now + TimeUnit.MILLISECONDS.toNanos(200), now + TimeUnit.MILLISECONDS.toNanos(700));
            assertTrue(System.nanoTime() - now < TimeUnit.SECONDS.toNanos(5), "bounded by the answers' deadline");
            assertEquals(0, sent.answered());
            assertEquals(2, sent.requests());
        }
    }

    @Test
    void someRequestsCloseTheirConnectionAsAPhoneThatLeavesDoes() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        int port = await(vertx.createHttpServer().connectionHandler(c -> connections.incrementAndGet())
                .requestHandler(request -> request.body().onSuccess(body -> request.response().end("{}")))
                .listen(0)).actualPort();
        int requests = 4 * PreheatLoad.CLOSE_EVERY;
        try (PreheatLoad load = new PreheatLoad(vertx, port, 2)) {
            long now = System.nanoTime();
            PreheatLoad.Sent sent = load.send(i -> new PreheatRequest("/scan-in", "token", "{}"), requests,
                    now + TimeUnit.SECONDS.toNanos(10), now + TimeUnit.SECONDS.toNanos(10));
            assertEquals(requests, sent.answered());
        }
        assertTrue(connections.get() >= requests / PreheatLoad.CLOSE_EVERY,
                "new connections: " + connections.get() + ", where two kept alive would serve them all");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
