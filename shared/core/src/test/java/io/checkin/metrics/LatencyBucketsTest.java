package io.checkin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

class LatencyBucketsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    LatencyBucketsTest() {
        registry.config().meterFilter(new LatencyBuckets().answerDurations());
    }

    @Test
    void answersAreCountedAtTheTwentyMillisecondObjectiveAndTheHundredMillisecondAlert() {
        Timer answers = Timer.builder("http.server.requests").tag("uri", "/scan-in").register(registry);
        answers.record(Duration.ofMillis(19));
        answers.record(Duration.ofMillis(21));
        answers.record(Duration.ofMillis(99));
        answers.record(Duration.ofMillis(101));

        List<String> buckets = registry.scrape().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{")).toList();
        assertEquals(LatencyBuckets.BOUNDS.length + 1, buckets.size(), "one per bound and +Inf: " + buckets);
        assertTrue(buckets.contains(bucket("0.02", 1)), buckets::toString);
        assertTrue(buckets.contains(bucket("0.025", 2)), buckets::toString);
        assertTrue(buckets.contains(bucket("0.1", 3)), buckets::toString);
        assertTrue(buckets.contains(bucket("+Inf", 4)), buckets::toString);
    }

    /** A scraped bucket line of scan-in's answers: how many took at most {@code bound} seconds. */
    private static String bucket(String bound, int count) {
        return "http_server_requests_seconds_bucket{uri=\"/scan-in\",le=\"" + bound + "\",} " + count + ".0";
    }

    @Test
    void otherTimersGetNoBuckets() {
        Timer.builder("checkin.scan.write").register(registry).record(Duration.ofMillis(3));

        assertFalse(registry.scrape().contains("checkin_scan_write_seconds_bucket"));
    }
}
