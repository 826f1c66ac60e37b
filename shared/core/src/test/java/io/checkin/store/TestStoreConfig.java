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
    public long timeoutMillis() {
        return 1500;
    }

    @Override
    public long retryAfterMillis() {
        return 2000;
    }

    @Override
    public int breakerRequests() {
        return 8;
    }

    @Override
    public double breakerFailureRatio() {
        return 0.5;
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
