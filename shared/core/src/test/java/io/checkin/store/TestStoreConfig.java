package io.checkin.store;

import java.time.Duration;

/** Store settings for tests that build store classes by hand, around an embedded store. */
public record TestStoreConfig(Duration retention) implements StoreConfig {

    public TestStoreConfig() {
        this(Duration.ofDays(28));
    }

    @Override
    public String database() {
        return "checkin";
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration disclosureRetention() {
        return Duration.ofDays(730);
    }

    @Override
    public Duration indexRetryInterval() {
        return Duration.ofSeconds(10);
    }
}
