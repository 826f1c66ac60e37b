package io.checkin.history;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.InjectStoreFaults;
import io.checkin.testing.Poll;
import io.checkin.testing.StoreFaults;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.checkin.visit.HistoryConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** With every history slot taken by a slow query, one more is refused at once with 429 and Retry-After. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class HistoryOverloadTest {

    /** 3 in these tests (src/test/resources): not the default, so the test fails if the setting is ignored. */
    @Inject
    HistoryConfig config;

    @InjectStoreFaults
    StoreFaults faults;

    private final List<CompletableFuture<HttpResponse<Void>>> slow = new ArrayList<>();

    /** The store back, the slow queries over (they fail once their connections drop), the breaker closed again. */
    @AfterEach
    void storeBack() {
        faults.up();
        slow.forEach(CompletableFuture::join);
        Poll.until(() -> Api.call("my-visits", Tokens.citizen("after"), Map.of()).extract().statusCode() == 200,
                Duration.ofSeconds(20));
    }

    @Test
    void oneQueryMoreThanTheBulkheadHoldsIsRefusedAtOnce() throws Exception {
        RestAssured.get("/q/health/live").then().statusCode(200); // the client's own first-call start-up, not timed
        String token = Tokens.citizen("one-more");
        faults.hang(); // every query now waits for a store that never answers
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < config.concurrentQueries(); i++) {
            slow.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/my-visits"))
                    .header("Authorization", "Bearer " + Tokens.citizen("slow-" + i))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        Thread.sleep(500); // all of them are inside the bulkhead, waiting for the store

        long start = System.nanoTime();
        Api.problem(Api.call("my-visits", token, Map.of()), 429, "overloaded", null)
                .header("Retry-After", notNullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "refused at once, not queued: took " + took);
        assertTrue(slow.stream().noneMatch(CompletableFuture::isDone), "the slow queries were still running");
    }
}
