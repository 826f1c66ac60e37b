package io.checkin.generate;

import java.time.Instant;

import io.checkin.venue.Venue;

/** A venue without its codes. */
public record VenueSummary(String venueId, String name, String address, String region, Integer capacity,
        String status, int codeVersion, Instant createdAt, Instant updatedAt) {

    static VenueSummary of(Venue venue) {
        return new VenueSummary(venue.id(), venue.name(), venue.address(), venue.region(), venue.capacity(),
                venue.status().stored(), venue.codeVersion(), venue.createdAt(), venue.updatedAt());
    }
}
