package io.checkin.warmup.model;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many pods a function needs at an expected peak, and how early to warm them. Concurrency at the peak
 * follows Little's law (rate x service time); pods = concurrency / (target x utilization), or more if one
 * pod cannot serve its share of the rate (its measured maximum). Pre-warming means setting min-scale to
 * that number a lead time before the peak: the pods' start-up and warm-up before ready, two autoscaler ticks, and a
 * margin.
 */
public final class Planner {

    private Planner() {
    }

    public record Input(String function, double peakRate, Duration serviceTime, double maxRatePerPod,
            AutoscalerSettings settings, Duration podStartup, Duration warmUp, Duration margin, long cpuRequestMillisPerPod,
            OptionalLong quotaCpuMillisLeft) {
    }

    public record Plan(String function, double peakRate, double concurrency, int podsAtPeak, int minScale,
            boolean cappedByMaxScale, Duration leadTime, Duration warmUp, long cpuMillisNeeded, Boolean fitsQuota) {
    }

    public static Plan plan(Input in) {
        double concurrency = in.peakRate() * in.serviceTime().toNanos() / 1e9;
        int byConcurrency = (int) Math.ceil(concurrency / in.settings().effectiveTarget() - 1e-9);
        int byRate = in.maxRatePerPod() > 0 ? (int) Math.ceil(in.peakRate() / in.maxRatePerPod() - 1e-9) : 0;
        int pods = Math.max(1, Math.max(byConcurrency, byRate));
        int max = in.settings().maxScale();
        boolean capped = max > 0 && pods > max;
        int minScale = capped ? max : pods;
        long cpu = (long) minScale * in.cpuRequestMillisPerPod();
        Boolean fits = in.quotaCpuMillisLeft().isPresent() ? cpu <= in.quotaCpuMillisLeft().getAsLong() : null;
        return new Plan(in.function(), in.peakRate(), concurrency, pods, minScale, capped,
                leadTime(in.podStartup(), in.warmUp(), in.margin()), in.warmUp(), cpu, fits);
    }

    /**
     * How long before the peak min-scale must be raised: a pod's start-up, then its warm-up before it reports ready
     * (zero for a function that does not warm up), two autoscaler ticks, and the margin.
     */
    public static Duration leadTime(Duration podStartup, Duration warmUp, Duration margin) {
        return podStartup.plus(warmUp).plus(AutoscalerSettings.TICK.multipliedBy(2)).plus(margin);
    }
}
