package io.checkin.history;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;

import io.checkin.scan.ScanIds;
import io.checkin.store.StoreCollections;

/** Writes scan events straight into the store, at chosen times, as the scan functions would have. */
@ApplicationScoped
class StoredScans {

    @Inject
    StoreCollections collections;

    /** An entry and an exit scan. */
    void visit(String user, String venueId, Instant in, Instant out) {
        in(user, venueId, in);
        out(user, venueId, out);
    }

    void in(String user, String venueId, Instant at) {
        add(user, venueId, "IN", at);
    }

    void out(String user, String venueId, Instant at) {
        add(user, venueId, "OUT", at);
    }

    private void add(String user, String venueId, String direction, Instant at) {
        collections.scans().insertOne(new Document("_id", ScanIds.of(user, UUID.randomUUID().toString()))
                .append("userSub", user).append("venueId", venueId).append("direction", direction)
                .append("at", Date.from(at)).append("codeVersion", 1));
    }
}
