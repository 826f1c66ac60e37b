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

    /**
     * Longest a history read may take in the store: longer than every other store call's (checkin.store.timeout-millis), which
     * would cut off a legitimate query over a busy venue (the bulkhead bounds how many run at once).
     */
    @WithDefault("10s")
    Duration readTimeout();

    /**
     * How many queries of each kind one instance runs at once (the bulkhead of HistoryService); one more is refused
     * at once with 429 and Retry-After rather than queued, so slow queries cannot pile up.
     */
    @WithDefault("8")
    int concurrentQueries();

    /**
     * When the events of more people than this are needed, read the window's scans once and keep theirs in
     * memory instead of asking for {userSub: {$in: [...]}}; 0 never does. For stores without secondary
     * indexes (the embedded one scans the collection once per $in element check); MongoDB uses the index.
     */
    @WithDefault("0")
    int inMemoryFilterAbove();

    /** Largest page a query may ask for. */
    @WithDefault("200")
    int maxLimit();
}
