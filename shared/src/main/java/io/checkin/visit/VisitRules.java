package io.checkin.visit;

import java.time.Duration;

/** The durations visit derivation works with (from {@link VisitConfig} in the application). */
public record VisitRules(Duration maxStay, Duration assumedStay, Duration mergeWindow, Duration simultaneous) {
}
