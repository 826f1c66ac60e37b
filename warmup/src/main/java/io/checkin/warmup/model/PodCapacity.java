package io.checkin.warmup.model;

import java.time.Duration;

/**
 * What one warm pod can do: at most {@code maxRate} requests/s (0: unlimited) and {@code containerConcurrency} in
 * flight (0: no limit), each request taking {@code serviceTime} when the pod is idle. Under load a request also waits
 * for a free slot: with c = rate x service time slots busy, the mean wait grows with utilization ρ as in an M/M/c
 * queue (Sakasegawa's approximation, ρ^(√(2(c+1))-1) / (c(1-ρ)) service times), so latency rises as the pod fills.
 */
public record PodCapacity(double maxRate, long containerConcurrency, Duration serviceTime) {

    /** scan-in's measured maximum on one instance with group commit (docs/benchmarks.md, 2026-11-28: 5,269/s). */
    public static final double MEASURED_SCAN_IN_RATE = 5_269;

    /** Highest utilization the latency formula is taken to; beyond it the fluid queue holds the excess. */
    private static final double MAX_UTILIZATION = 0.99;

    public static PodCapacity unlimited(Duration serviceTime) {
        return new PodCapacity(0, 0, serviceTime);
    }

    public double serviceSeconds() {
        return serviceTime.toNanos() / 1e9;
    }

    /** Requests/s of a warm pod: its maximum rate, and no more than its concurrency limit lets through. */
    public double rate() {
        double byRate = maxRate > 0 ? maxRate : Double.POSITIVE_INFINITY;
        double byConcurrency = containerConcurrency > 0 && serviceSeconds() > 0
                ? containerConcurrency / serviceSeconds() : Double.POSITIVE_INFINITY;
        return Math.min(byRate, byConcurrency);
    }

    /** The time in a pod over the idle service time at utilization {@code rho}. */
    public double stretch(double rho) {
        double rate = rate();
        if (Double.isInfinite(rate) || rho <= 0) {
            return 1;
        }
        double c = Math.max(1, rate * serviceSeconds());
        double u = Math.min(rho, MAX_UTILIZATION);
        return 1 + Math.pow(u, Math.sqrt(2 * (c + 1)) - 1) / (c * (1 - u));
    }
}
