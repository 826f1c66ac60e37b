package io.checkin.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the data lives and how the functions behave when the store is in trouble. */
@ConfigMapping(prefix = "checkin.store")
public interface StoreConfig {

    /** The MongoDB database that holds the venues and scans collections. */
    @WithDefault("checkin")
    String database();

    /** How long a client is told to wait (Retry-After) before retrying while the store is unavailable. */
    @WithDefault("2s")
    Duration retryAfter();

    /** {@link #retryAfter()} as the whole seconds of a Retry-After header, at least one. */
    default int retryAfterSeconds() {
        return io.checkin.error.RetryAfter.seconds(retryAfter());
    }

    /** How long scan events are kept; the TTL index on scans.at removes older ones (MongoDB only). */
    @WithDefault("P28D")
    Duration retention();

    /**
     * How long the record of what officials looked up is kept (TTL index on disclosures.at): longer than the
     * scans, so an inquiry can still see who was shown what after the scans themselves are gone.
     */
    @WithDefault("P730D")
    Duration disclosureRetention();

    /** How often start-up retries creating the indexes when the store was unreachable at first. */
    @WithDefault("10s")
    Duration indexRetryInterval();
}
