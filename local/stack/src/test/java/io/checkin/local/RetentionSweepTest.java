package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** On the embedded store, what is past its retention goes, and nothing younger. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class RetentionSweepTest {

    @Inject
    RetentionSweep sweep;

    @Inject
    StoreCollections collections;

    @Test
    void scansOlderThan28DaysAndDisclosuresOlderThan730DaysGo() {
        Instant now = Instant.now();
        String person = "sweep-" + UUID.randomUUID();
        scan(person, now.minus(Duration.ofDays(29)));
        scan(person, now.minus(Duration.ofDays(27)));
        disclosure(person, now.minus(Duration.ofDays(731)));
        disclosure(person, now.minus(Duration.ofDays(29)));

        sweep.sweep();

        assertEquals(1, collections.scans().countDocuments(new Document("userSub", person)));
        assertEquals(1, collections.disclosures().countDocuments(new Document("official", person)));
    }

    private void scan(String person, Instant at) {
        collections.scans().insertOne(new Document("_id", UUID.randomUUID().toString()).append("userSub", person)
                .append("venueId", "AAAAAAAAAAA").append("direction", "IN").append("at", Date.from(at)));
    }

    private void disclosure(String official, Instant at) {
        collections.disclosures().insertOne(new Document("official", official).append("query", "contacts")
                .append("at", Date.from(at)));
    }
}
