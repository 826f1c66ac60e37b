package io.checkin.visit;

import java.time.Duration;

/** The durations visit derivation works with (from {@link VisitConfig} in the application). */
public record VisitRules(Duration maxStay, Duration assumedStay, Duration mergeWindow, Duration simultaneous) {

    /** The longest a derived visit can be: an entry's maximum stay, or an exit's assumed one. */
    public Duration longestVisit() {
        return maxStay.compareTo(assumedStay) >= 0 ? maxStay : assumedStay;
    }

    /**
     * How long before a window the scans that decide its visits can have been made. Whatever came before a point
     * in time, the visits derived from the scans after it agree with those from all scans once the visit open at
     * that point has run out its maximum stay, the scan before it is more than a merge window ago, and its moment
     * is over; a visit overlapping the window ends after that. A run of repeats each within the merge window of
     * the one before (or of scans each within a moment of the one before) longer than the maximum stay can reach
     * further.
     */
    public Duration reachBefore() {
        return maxStay.plus(mergeWindow).plus(simultaneous);
    }

    /**
     * How long after a window the scans that decide its visits can have been made: the scan that ends a visit
     * (or the exit of an assumed one) comes at most {@link #longestVisit()} after it, and the scans of its
     * moment up to {@link #simultaneous()} later.
     */
    public Duration reachAfter() {
        return longestVisit().plus(simultaneous);
    }
}
