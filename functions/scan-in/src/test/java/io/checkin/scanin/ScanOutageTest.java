package io.checkin.scanin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.checkin.scan.ScanConfig;
import io.checkin.scan.ScanIds;
import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.InjectStoreFaults;
import io.checkin.testing.Poll;
import io.checkin.testing.StoreFaults;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestVenues;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** With the store down, scans answer 503 quickly; retried after recovery, each lands exactly once. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class ScanOutageTest {

    @InjectStoreFaults
    StoreFaults faults;

    @Inject
    TestVenues testVenues;

    @Inject
    StoreCollections collections;

    @Inject
    ScanConfig scanConfig;

    @AfterEach
    void storeBack() {
        faults.upAndAnswering(collections);
    }

    @Test
    void scansDuringAnOutageAre503AndTheirRetriesLandExactlyOnce() {
        TestVenues.Created venue = testVenues.create("Outage hall");
        Api.call("scan-in", Tokens.citizen("early"), body(venue, UUID.randomUUID().toString())).statusCode(200);
        faults.down();
        List<String> scanIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String scanId = UUID.randomUUID().toString();
            scanIds.add(scanId);
            long start = System.nanoTime();
            Api.problem(Api.call("scan-in", Tokens.citizen("patient"), body(venue, scanId)), 503, null, null)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(3500)) < 0, "took " + took);
        }
        faults.up();
        for (String scanId : scanIds) {
            retryUntilAnswered(() -> Api.call("scan-in", Tokens.citizen("patient"), body(venue, scanId)))
                    .body("status", equalTo("recorded"));
            Api.call("scan-in", Tokens.citizen("patient"), body(venue, scanId)).statusCode(200)
                    .body("status", equalTo("duplicate"));
            assertEquals(1, collections.scans().countDocuments(new Document("_id", ScanIds.of("patient", scanId))));
        }
    }

    @Test
    void scansThatFailedInAnOutageDoNotCountTowardsThePersonsLimit() {
        TestVenues.Created venue = testVenues.create("Retry hall");
        String person = "retrier-" + UUID.randomUUID();
        int limit = scanConfig.rateLimit().perMinute();
        faults.down();
        for (int i = 0; i <= limit; i++) {
            Api.problem(Api.call("scan-in", Tokens.citizen(person), body(venue, UUID.randomUUID().toString())), 503, null, null);
        }
        faults.up();
        String first = UUID.randomUUID().toString();
        retryUntilAnswered(() -> Api.call("scan-in", Tokens.citizen(person), body(venue, first)))
                .body("status", equalTo("recorded"));
        for (int i = 1; i < limit; i++) {
            Api.call("scan-in", Tokens.citizen(person), body(venue, UUID.randomUUID().toString())).statusCode(200)
                    .body("status", equalTo("recorded"));
        }
    }

    @Test
    void aHangingStoreIs503WithinTheRequestTimeout() {
        TestVenues.Created venue = testVenues.create("Hanging hall");
        Api.call("scan-in", Tokens.citizen("early"), body(venue, UUID.randomUUID().toString())).statusCode(200);
        faults.hang();
        long start = System.nanoTime();
        Api.problem(Api.call("scan-in", Tokens.citizen("waiting"), body(venue, UUID.randomUUID().toString())), 503,
                "store-unavailable", null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(3500)) < 0, "took " + took);
    }

    /** Retries while the answer is 503, for up to 20 s; the last answer must then be a 200. */
    private static ValidatableResponse retryUntilAnswered(java.util.function.Supplier<ValidatableResponse> call) {
        AtomicReference<ValidatableResponse> last = new AtomicReference<>();
        Poll.until(() -> {
            last.set(call.get());
            return last.get().extract().statusCode() != 503;
        }, Duration.ofSeconds(20));
        return last.get().statusCode(200);
    }

    private static java.util.Map<String, Object> body(TestVenues.Created venue, String scanId) {
        return java.util.Map.of("code", venue.entry(), "scanId", scanId);
    }
}
