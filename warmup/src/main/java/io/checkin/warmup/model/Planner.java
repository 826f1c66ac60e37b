package io.checkin.warmup.model;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many pods a function needs at an expected peak, and how early to warm them. Concurrency at the peak
 * follows Little's law (rate x service time); pods = concurrency / (target x utilization), or more if one
 * pod cannot serve its share of the rate (its measured maximum). Pre-warming means setting min-scale to
 * that number a lead time before the peak: the pods' start-up, two autoscaler ticks, and a margin.
 */
public final class Planner {

    private Planner() {
    }

    public record Input(String function, double peakRate, Duration serviceTime, double maxRatePerPod,
            AutoscalerSettings settings, Duration podStartup, Duration margin, long cpuRequestMillisPerPod,
            OptionalLong quotaCpuMillisLeft) {
    }

    public record Plan(String function, double peakRate, double concurrency, int podsAtPeak, int minScale,
            boolean cappedByMaxScale, Duration leadTime, long cpuMillisNeeded, Boolean fitsQuota) {
    }

    public static Plan plan(Input in) {
        double concurrency = in.peakRate() * in.serviceTime().toNanos() / 1e9;
        int byConcurrency = (int) Math.ceil(concurrency / in.settings().effectiveTarget() - 1e-9);
        int byRate = in.maxRatePerPod() > 0 ? (int) Math.ceil(in.peakRate() / in.maxRatePerPod() - 1e-9) : 0;
        int pods = Math.max(1, Math.max(byConcurrency, byRate));
        int max = in.settings().maxScale();
        boolean capped = max > 0 && pods > max;
        int minScale = capped ? max : pods;
        Duration lead = in.podStartup().plus(AutoscalerSettings.TICK.multipliedBy(2)).plus(in.margin());
        long cpu = (long) minScale * in.cpuRequestMillisPerPod();
        Boolean fits = in.quotaCpuMillisLeft().isPresent() ? cpu <= in.quotaCpuMillisLeft().getAsLong() : null;
        return new Plan(in.function(), in.peakRate(), concurrency, pods, minScale, capped, lead, cpu, fits);
    }
}
