package io.checkin.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;

import io.checkin.scan.ScanIds;
import io.checkin.store.ScanDocument;
import io.checkin.store.StoreCollections;
import io.checkin.visit.ScanEvent;
import io.checkin.visit.model.Scenario;

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
        collections.scans().insertOne(document(user, venueId, direction, at));
    }

    /** A scenario's scans, in its order: each at its server time, with its clientAt when the phone sent one. */
    void scenario(Scenario scenario) {
        List<Document> documents = new ArrayList<>();
        for (Scenario.Stored s : scenario.scans()) {
            ScanEvent e = s.event();
            Document doc = document(e.userSub(), e.venueId(), e.direction().name(), s.storedAt());
            documents.add(s.withClientAt() ? doc.append(ScanDocument.MADE_AT, Date.from(e.time())) : doc);
        }
        collections.scans().insertMany(documents);
    }

    static Document document(String user, String venueId, String direction, Instant at) {
        return new Document("_id", ScanIds.of(user, UUID.randomUUID().toString())).append(ScanDocument.PERSON, user)
                .append(ScanDocument.VENUE, venueId).append(ScanDocument.DIRECTION, direction)
                .append(ScanDocument.STORED_AT, Date.from(at)).append(ScanDocument.CODE_VERSION, 1);
    }
}
