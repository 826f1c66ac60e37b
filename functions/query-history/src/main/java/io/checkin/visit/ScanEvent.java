package io.checkin.visit;

import java.time.Instant;

import org.bson.Document;

import io.checkin.code.Direction;
import io.checkin.store.ScanDocument;

/**
 * One stored scan as visit derivation sees it. {@code time} is when the person scanned: the phone's
 * clientAt for a scan queued offline, the server's time otherwise.
 */
public record ScanEvent(String userSub, String venueId, Direction direction, Instant time) {

    public static ScanEvent fromDocument(Document doc) {
        java.util.Date madeAt = doc.getDate(ScanDocument.MADE_AT);
        return new ScanEvent(doc.getString(ScanDocument.PERSON), doc.getString(ScanDocument.VENUE),
                Direction.valueOf(doc.getString(ScanDocument.DIRECTION)),
                (madeAt != null ? madeAt : doc.getDate(ScanDocument.STORED_AT)).toInstant());
    }
}
