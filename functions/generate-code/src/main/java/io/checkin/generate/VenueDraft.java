package io.checkin.generate;

import java.time.Instant;

import io.checkin.error.Fields;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueStatus;

/** What a venue manager sends to register a venue. */
public record VenueDraft(String name, String address, String region, Integer capacity) {

    public static final int MAX_NAME = 120;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_REGION = 64;
    public static final int MAX_CAPACITY = 1_000_000;

    /** The draft with its fields checked and trimmed; errors name the field under {@code prefix}. */
    public VenueDraft validated(String prefix) {
        return new VenueDraft(Fields.text(name, prefix + "name", MAX_NAME),
                Fields.text(address, prefix + "address", MAX_ADDRESS),
                Fields.text(region, prefix + "region", MAX_REGION),
                capacity == null ? null : Fields.range(capacity, prefix + "capacity", 1, MAX_CAPACITY));
    }

    Venue toVenue(String id, String ownerSub, Instant now) {
        return new Venue(id, name, address, region, capacity, ownerSub, 1, VenueStatus.ACTIVE, now, now);
    }
}
