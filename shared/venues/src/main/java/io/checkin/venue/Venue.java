package io.checkin.venue;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/** A registered venue, as stored in the {@code venues} collection. */
public record Venue(String id, String name, String address, String region, Integer capacity, String ownerSub,
        int codeVersion, VenueStatus status, Instant createdAt, Instant updatedAt) {

    public VenueState state() {
        return new VenueState(status, codeVersion);
    }

    public Document toDocument() {
        Document doc = new Document("_id", id).append("name", name).append("address", address).append("region", region);
        if (capacity != null) {
            doc.append("capacity", capacity);
        }
        return doc.append("ownerSub", ownerSub).append("codeVersion", codeVersion).append("status", status.stored())
                .append("createdAt", Date.from(createdAt)).append("updatedAt", Date.from(updatedAt));
    }

    public static Venue fromDocument(Document doc) {
        return new Venue(doc.getString("_id"), doc.getString("name"), doc.getString("address"), doc.getString("region"),
                doc.getInteger("capacity"), doc.getString("ownerSub"), doc.getInteger("codeVersion", 1),
                VenueStatus.fromStored(doc.getString("status")), doc.getDate("createdAt").toInstant(),
                doc.getDate("updatedAt").toInstant());
    }
}
