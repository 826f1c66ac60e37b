package io.checkin.visit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the history queries. */
@ConfigMapping(prefix = "checkin.history")
public interface HistoryConfig {

    /** Window used when a query gives no from/to: this long, ending now. */
    @WithDefault("P14D")
    Duration defaultWindow();

    /** Longest window a query may ask for. */
    @WithDefault("P31D")
    Duration maxWindow();

    /** Page size when a query gives no limit. */
    @WithDefault("50")
    int defaultLimit();

    /** Largest page a query may ask for. */
    @WithDefault("200")
    int maxLimit();
}
