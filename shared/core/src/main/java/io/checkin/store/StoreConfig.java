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

    /**
     * Longest a store call waits for the store's answer before the client gets a 503 with Retry-After (under the
     * 2 s the API promises), in milliseconds. Both bounds come from it: the driver's socket read timeout
     * ({@code quarkus.mongodb.read-timeout}) and the fault-tolerance timeout of the beans that call the store
     * ({@code quarkus.fault-tolerance.global.timeout.value}), which also ends a call the driver retries after a
     * first timed-out read. History reads have their own (checkin.history.read-timeout).
     */
    @WithDefault("1500")
    long timeoutMillis();

    /**
     * How long a store circuit breaker stays open after the store failed before one call tries again, and the
     * Retry-After a client is told meanwhile: one value, so a client that waits as told meets a breaker that
     * lets its call through.
     */
    @WithDefault("2000")
    long retryAfterMillis();

    /** How many recent store calls a circuit breaker judges the store by. */
    @WithDefault("8")
    int breakerRequests();

    /** The share of those calls that must have failed for the breaker to open. */
    @WithDefault("0.5")
    double breakerFailureRatio();

    /** {@link #timeoutMillis()} as a duration. */
    default Duration timeout() {
        return Duration.ofMillis(timeoutMillis());
    }

    /** {@link #retryAfterMillis()} as a duration. */
    default Duration retryAfter() {
        return Duration.ofMillis(retryAfterMillis());
    }

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
