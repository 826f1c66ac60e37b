package io.checkin.history;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.checkin.store.StoreCollections;
import io.checkin.store.StoreConfig;
import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestVenues;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** Whatever an official is shown of other people is on record, with who asked; nothing else is. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class DisclosureRecordTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    TestVenues testVenues;

    @Inject
    StoredScans scans;

    @Inject
    StoreCollections collections;

    @Inject
    MongoClient client;

    @Inject
    StoreConfig storeConfig;

    private TestVenues.Created venue;
    private String caseSubject;
    private String official;

    @BeforeEach
    void twoPeopleMet() {
        venue = testVenues.create("Gym");
        caseSubject = "case-" + venue.venueId();
        official = "official-" + venue.venueId();
        scans.visit(caseSubject, venue.venueId(), NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(2)));
        scans.visit("met-" + venue.venueId(), venue.venueId(), NOW.minus(Duration.ofMinutes(170)),
                NOW.minus(Duration.ofMinutes(100)));
    }

    @Test
    void aVenuesVisitorsAreRecordedWithTheOfficialTheVenueTheWindowAndHowManyWereShown() {
        Instant from = NOW.minus(Duration.ofHours(6));
        Api.call("venue-visitors", Tokens.healthOfficial(official),
                Map.of("venueId", venue.venueId(), "from", from.toString(), "to", NOW.toString())).statusCode(200);
        Document record = onlyRecordBy(official);
        assertEquals("venue-visitors", record.getString("query"));
        assertEquals(venue.venueId(), record.getString("venueId"));
        assertNull(record.get("caseSubject"));
        assertEquals(from, record.getDate("from").toInstant());
        assertEquals(NOW, record.getDate("to").toInstant());
        assertEquals(2, record.getInteger("disclosed"));
    }

    @Test
    void aCasesContactsAreRecordedWithTheCase() {
        Api.call("contacts", Tokens.healthOfficial(official), Map.of("subject", caseSubject, "format", "csv"))
                .statusCode(200);
        Document record = onlyRecordBy(official);
        assertEquals("contacts", record.getString("query"));
        assertEquals(caseSubject, record.getString("caseSubject"));
        assertEquals(1, record.getInteger("disclosed"));
    }

    @Test
    void everyPageIsItsOwnRecord() {
        String next = Api.call("venue-visitors", Tokens.healthOfficial(official),
                Map.of("venueId", venue.venueId(), "limit", 1)).statusCode(200).extract().path("nextCursor");
        Api.call("venue-visitors", Tokens.healthOfficial(official),
                Map.of("venueId", venue.venueId(), "limit", 1, "cursor", next)).statusCode(200);
        assertEquals(2, collections.disclosures().countDocuments(new Document("official", official)));
    }

    @Test
    void aPersonReadingTheirOwnVisitsIsNotADisclosure() {
        long before = collections.disclosures().countDocuments();
        Api.call("my-visits", Tokens.citizen(caseSubject), Map.of()).statusCode(200);
        assertEquals(before, collections.disclosures().countDocuments());
    }

    @Test
    void aRefusedQueryDisclosesNothingAndRecordsNothing() {
        Api.problem(Api.call("venue-visitors", Tokens.healthOfficial(official), Map.of("venueId", "AAAAAAAAAAA")), 404,
                "venue-not-found", null);
        Api.problem(Api.call("contacts", Tokens.citizen(official), Map.of("subject", caseSubject)), 403, "forbidden",
                null);
        assertEquals(0, collections.disclosures().countDocuments(new Document("official", official)));
    }

    @Test
    void anAnswerThatCannotBeRecordedIsNotGiven() throws Exception {
        try (ServerSocket closed = new ServerSocket(0); MongoClient unreachable = MongoClients.create(
                MongoClientSettings.builder().applyConnectionString(new ConnectionString("mongodb://127.0.0.1:"
                        + closed.getLocalPort())).applyToClusterSettings(c -> c.serverSelectionTimeout(300,
                                TimeUnit.MILLISECONDS)).build())) {
            closed.close();
            QuarkusMock.installMockForType(new StoreCollections(client, storeConfig) {
                @Override
                public MongoCollection<Document> disclosures() {
                    return unreachable.getDatabase("checkin").getCollection(StoreCollections.DISCLOSURES);
                }
            }, StoreCollections.class);
            Api.problem(Api.call("contacts", Tokens.healthOfficial(official), Map.of("subject", caseSubject)), 503,
                    "store-unavailable", null).body("contacts", nullValue());
        }
        // the store itself, past the replaced collections (still installed until the test ends)
        assertEquals(0, client.getDatabase(storeConfig.database()).getCollection(StoreCollections.DISCLOSURES)
                .countDocuments(new Document("official", official)));
    }

    private Document onlyRecordBy(String who) {
        assertEquals(1, collections.disclosures().countDocuments(new Document("official", who)));
        return collections.disclosures().find(new Document("official", who)).first();
    }
}
