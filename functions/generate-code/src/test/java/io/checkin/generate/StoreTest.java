package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.checkin.error.RetryAfter;
import io.checkin.store.IndexSetup;
import io.checkin.store.StoreCollections;
import io.checkin.store.StoreConfig;
import io.checkin.testing.Api;
import io.checkin.testing.InjectStoreFaults;
import io.checkin.testing.Poll;
import io.checkin.testing.StoreFaults;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class StoreTest {

    @InjectStoreFaults
    StoreFaults faults;

    @Inject
    StoreCollections collections;

    @Inject
    StoreConfig storeConfig;

    @Inject
    IndexSetup indexSetup;

    /** Back to normal for the next test: the store answers and the circuit breakers have closed again. */
    @AfterEach
    void storeBack() {
        faults.up();
        awaitStatus(404, () -> Api.call("venue-codes", Tokens.venueManager("manager-store"), Venues.venue("AAAAAAAAAAA")));
    }

    @Test
    void theIndexesExistSoonAfterStartUpWhichDoesNotWaitForThem() {
        assertTrue(Poll.until(indexSetup::done, Duration.ofSeconds(15)), "the indexes were not set up within 15 s");
        List<String> scans = names(collections.scans().listIndexes());
        assertTrue(scans.containsAll(List.of("scans_user_at", "scans_venue_at", "scans_ttl")), scans.toString());
        assertTrue(names(collections.venues().listIndexes()).contains("venues_owner"));
        Document ttl = IndexSetup.index(collections.scans(), "scans_ttl").orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofDays(28).toSeconds(),
                ((Number) ttl.get("expireAfterSeconds")).longValue());
    }

    @Test
    void aStoreOutageIs503WithRetryAfterWithinTwoSecondsAndTheFunctionRecovers() {
        faults.down();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Api.problem(Api.call("register-venue", Tokens.venueManager("manager-store"), Venues.draft("During outage")),
                    503, "store-unavailable", null).header("Retry-After", equalTo("2"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        }
        RestAssured.get("/q/health/ready").then().statusCode(200); // still routed to: it answers, with 503s
        RestAssured.given().auth().oauth2(Tokens.forRoles("ops", "operator")).get("/q/health/well").then()
                .statusCode(503).body("checks.find { it.name == 'store' }.status", equalTo("DOWN"));

        faults.up();
        awaitStatus(200, () -> Api.call("register-venue", Tokens.venueManager("manager-store"), Venues.draft("After outage")));
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.given().auth().oauth2(Tokens.forRoles("ops", "operator")).get("/q/health/well").then()
                .statusCode(200);
        assertTrue(collections.venues().countDocuments(new Document("name", "During outage")) == 0);
    }

    @Test
    void theStoreTimeoutsCircuitBreakersAndRetryAfterComeFromTheStoreSettings() {
        Config config = ConfigProvider.getConfig();
        assertEquals(storeConfig.timeout(), config.getValue("quarkus.mongodb.read-timeout", Duration.class));
        assertEquals(storeConfig.timeoutMillis(), config.getValue("quarkus.fault-tolerance.global.timeout.value", Long.class));
        String breaker = "quarkus.fault-tolerance.global.circuit-breaker.";
        assertEquals(storeConfig.retryAfterMillis(), config.getValue(breaker + "delay", Long.class));
        assertEquals(storeConfig.breakerRequests(), config.getValue(breaker + "request-volume-threshold", Integer.class));
        assertEquals(storeConfig.breakerFailureRatio(), config.getValue(breaker + "failure-ratio", Double.class));
        assertEquals(RetryAfter.seconds(Duration.ofMillis(storeConfig.retryAfterMillis())), storeConfig.retryAfterSeconds());
    }

    @Test
    void aHangingStoreIs503WithinTwoSeconds() {
        // a function that was serving: ready (so Knative routes to it) and its call path has run once
        RestAssured.get("/q/health/ready").then().statusCode(200);
        awaitStatus(404, () -> Api.call("venue-codes", Tokens.venueManager("manager-store"), Venues.venue("AAAAAAAAAAA")));
        faults.hang();
        long start = System.nanoTime();
        Api.problem(Api.call("venue-codes", Tokens.venueManager("manager-store"), Venues.venue("AAAAAAAAAAA")), 503,
                "store-unavailable", null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
    }

    private static void awaitStatus(int expected, java.util.function.Supplier<io.restassured.response.ValidatableResponse> call) {
        assertTrue(Poll.until(() -> call.get().extract().statusCode() == expected, Duration.ofSeconds(15)),
                "the function did not recover: no " + expected + " within 15 s");
    }

    private static List<String> names(Iterable<Document> indexes) {
        List<String> names = new ArrayList<>();
        indexes.forEach(d -> names.add(d.getString("name")));
        return names;
    }
}
