package io.checkin.history;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.InjectTestSetup;
import io.checkin.testing.PackagedFunctionContract;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestSetup;
import io.checkin.testing.TestVenues;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged query-history function (target/quarkus-app, or the native executable with -Pnative), run as
 * deployed and checked from outside: scans written into the store by the test's own client, answers over HTTP.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(StoreTestResource.class)
class QueryHistoryIT implements PackagedFunctionContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @InjectTestSetup
    TestSetup setup;

    private TestVenues.Created venue;
    private String anna;
    private String ben;

    @BeforeEach
    void twoVisitsThatOverlapByHalfAnHour() {
        venue = setup.venue("Packaged library");
        anna = "anna-" + venue.venueId();
        ben = "ben-" + venue.venueId();
        setup.collection(StoreCollections.SCANS).insertMany(List.of(
                StoredScans.document(anna, venue.venueId(), "IN", NOW.minus(Duration.ofMinutes(180))),
                StoredScans.document(anna, venue.venueId(), "OUT", NOW.minus(Duration.ofMinutes(120))),
                StoredScans.document(ben, venue.venueId(), "IN", NOW.minus(Duration.ofMinutes(150))),
                StoredScans.document(ben, venue.venueId(), "OUT", NOW.minus(Duration.ofMinutes(90)))));
    }

    @Test
    void aPersonReadsTheirOwnVisitsOnly() {
        Api.call("my-visits", setup.token(anna, "citizen"), Map.of()).statusCode(200).body("visits", hasSize(1))
                .body("visits[0].venueId", equalTo(venue.venueId())).body("visits[0].venueName", equalTo("Packaged library"))
                .body("visits[0].minutes", equalTo(60));
        Api.problem(Api.call("venue-visitors", setup.token(anna, "citizen"), Map.of("venueId", venue.venueId())), 403,
                "forbidden", null);
    }

    @Test
    void anOfficialsContactQueryIsAnsweredAndOnRecord() {
        String official = "official-" + venue.venueId();
        Api.call("contacts", setup.token(official, "health-official"), Map.of("subject", anna)).statusCode(200)
                .body("contacts", hasSize(1)).body("contacts[0].userSub", equalTo(ben))
                .body("contacts[0].totalOverlapMinutes", equalTo(30));
        assertEquals(1, setup.collection(StoreCollections.DISCLOSURES).countDocuments(new Document("official", official)));
    }

    @Test
    void refusesABadWindowAndRecordsNothing() {
        long before = setup.collection(StoreCollections.DISCLOSURES).countDocuments();
        Api.problem(Api.call("venue-visitors", setup.token("official-bad", "health-official"),
                Map.of("venueId", venue.venueId(), "from", "yesterday")), 400, null, "from");
        assertEquals(before, setup.collection(StoreCollections.DISCLOSURES).countDocuments());
    }
}
