package io.checkin.visit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How visits are derived from scans (docs/architecture.md, "Visits"). */
@ConfigMapping(prefix = "checkin.visits")
public interface VisitConfig {

    /** Longest a visit lasts without an exit scan; also the longest an entry-exit pair can be apart. */
    @WithDefault("4h")
    Duration maxStay();

    /** Length assumed for a visit that has an exit scan but no entry scan. */
    @WithDefault("30m")
    Duration assumedStay();

    /** Repeated scans at the same venue and in the same direction within this window count once. */
    @WithDefault("10m")
    Duration mergeWindow();

    /**
     * Scans this close together are taken in the order that explains them, not the order of their times: a
     * person scanning the next shop's entry a moment before this shop's exit has left here and entered there.
     */
    @WithDefault("2s")
    Duration simultaneous();

    default VisitRules rules() {
        return new VisitRules(maxStay(), assumedStay(), mergeWindow(), simultaneous());
    }
}
