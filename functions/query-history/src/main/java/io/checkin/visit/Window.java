package io.checkin.visit;

import java.time.Duration;
import java.time.Instant;

import io.checkin.error.ProblemException;

/** A validated time window [from, to] of a history query. */
public record Window(Instant from, Instant to) {

    /** The requested window with defaults filled in: ending now, as long as the default window. */
    public static Window of(Instant from, Instant to, Instant now, HistoryConfig config) {
        Instant end = to != null ? to : (from != null ? min(from.plus(config.defaultWindow()), now) : now);
        Instant start = from != null ? from : end.minus(config.defaultWindow());
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("invalid-window", "from", "from must not be after to");
        }
        if (Duration.between(start, end).compareTo(config.maxWindow()) > 0) {
            throw ProblemException.badRequest("window-too-long", "to",
                    "The window may span at most " + config.maxWindow().toDays() + " days");
        }
        return new Window(start, end);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
