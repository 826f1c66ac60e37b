package io.checkin.history;

import java.time.Instant;

/** Visits at a venue overlapping [from, to] (default: the last 14 days), paginated like my-visits. */
public record VenueVisitorsRequest(String venueId, Instant from, Instant to, Integer limit, String cursor) {
}
