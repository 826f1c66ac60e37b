package io.checkin.visit;

import java.time.Instant;

import org.bson.Document;

import io.checkin.code.Direction;

/**
 * One stored scan as visit derivation sees it. {@code time} is when the person scanned: the phone's
 * clientAt for a scan queued offline, the server's time otherwise.
 */
public record ScanEvent(String userSub, String venueId, Direction direction, Instant time) {

    public static ScanEvent fromDocument(Document doc) {
        java.util.Date clientAt = doc.getDate("clientAt");
        return new ScanEvent(doc.getString("userSub"), doc.getString("venueId"),
                Direction.valueOf(doc.getString("direction")),
                (clientAt != null ? clientAt : doc.getDate("at")).toInstant());
    }
}
