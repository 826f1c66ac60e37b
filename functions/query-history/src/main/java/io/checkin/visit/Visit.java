package io.checkin.visit;

import java.time.Duration;
import java.time.Instant;

/**
 * A stay at a venue, derived from scans. Each end says how it is known: {@code scanned}; for a start
 * without an entry scan, {@code assumed}; for an end without an exit scan, {@code auto-checkout}.
 */
public record Visit(String userSub, String venueId, Instant start, Instant end, String startSource, String endSource) {

    public static final String SCANNED = "scanned";
    public static final String ASSUMED = "assumed";
    public static final String AUTO_CHECKOUT = "auto-checkout";

    /** Whether the visit and the closed window [from, to] share at least an instant. */
    public boolean overlaps(Instant from, Instant to) {
        return !start.isAfter(to) && !end.isBefore(from);
    }

    /** How long this visit and [from, to) have in common; zero if they do not meet. */
    public Duration overlap(Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
