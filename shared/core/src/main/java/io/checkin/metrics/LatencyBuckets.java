package io.checkin.metrics;

import java.time.Duration;
import java.util.Arrays;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the answers' durations ({@code http_server_requests_seconds_bucket}), so that Prometheus can
 * compute p50 and p99 over every pod (monitoring/). A few fixed bounds rather than Micrometer's 70-odd, among them the
 * two a scan's p99 is judged by, so that the quantile is exact there: 100 ms, the objective an alert watches, and
 * 20 ms, what a scan pod is benchmarked against at half its maximum rate (docs/benchmarks.md).
 */
@Singleton
public class LatencyBuckets {

    static final Duration[] BOUNDS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10) };

    /** The bounds as Micrometer takes them, in nanoseconds; the same for every meter. */
    private static final double[] BOUNDS_NANOS = Arrays.stream(BOUNDS).mapToDouble(Duration::toNanos).toArray();

    @Produces
    @Singleton
    MeterFilter answerDurations() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS_NANOS).build().merge(config);
            }
        };
    }
}
