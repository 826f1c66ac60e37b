package io.checkin.warmup.model;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many pods a function needs at an expected peak, and how early to warm them. Concurrency at the peak
 * follows Little's law (rate x service time); pods = concurrency / (target x utilization), or more if one
 * pod cannot serve its share of the rate (its measured maximum). Pre-warming means setting min-scale to
 * that number a lead time before the peak: the pods' start-up and warm-up before ready, two autoscaler ticks, and a
 * margin. A JVM pod serves only a share of its rate in its first seconds ({@link WarmUpRamp}), so where the pods
 * ramp up, the plan pre-warms as many as carry a step to the peak through their ramp within the p99 target, simulated
 * with the autoscaler that adds pods meanwhile ({@link KpaSimulator}). Beside it: the fewest warm pods whose latency
 * stays within a p99 target ({@link PodCapacity}), the headroom each pod count leaves, and whether the store's writes,
 * not the pods, bound the peak.
 */
public final class Planner {

    /**
     * Writes per second the store takes: the embedded file-backed store's measured insert rate (about 7,000
     * documents/s; each scan is one insert). A real MongoDB takes more: give its own figure.
     */
    public static final double STORE_WRITES_PER_SECOND = 7_000;

    /** The p99 a plan aims at unless told: what the alert CheckinScanLatencyHigh fires above (100 ms). */
    public static final Duration P99_TARGET = Duration.ofMillis(100);

    private static final int MOST_PODS = 10_000;

    /** The traffic a plan's pods are simulated with (and its chart drawn): none, then the peak from this second on. */
    public static final Duration STEP_AT = Duration.ofSeconds(60);

    /** How long that simulation runs: four minutes at the peak, so that a p99 is over the peak more than its start. */
    public static final Duration SIMULATED = Duration.ofMinutes(5);

    private Planner() {
    }

    /** @param ramp how a new pod reaches its rate; the short form takes the one its warm-up before ready implies */
    public record Input(String function, double peakRate, Duration serviceTime, double maxRatePerPod,
            AutoscalerSettings settings, Duration podStartup, Duration warmUp, Duration margin, long cpuRequestMillisPerPod,
            OptionalLong quotaCpuMillisLeft, Duration p99Target, double storeWritesPerSecond, WarmUpRamp ramp) {

        public Input(String function, double peakRate, Duration serviceTime, double maxRatePerPod,
                AutoscalerSettings settings, Duration podStartup, Duration warmUp, Duration margin,
                long cpuRequestMillisPerPod, OptionalLong quotaCpuMillisLeft) {
            this(function, peakRate, serviceTime, maxRatePerPod, settings, podStartup, warmUp, margin,
                    cpuRequestMillisPerPod, quotaCpuMillisLeft, P99_TARGET, STORE_WRITES_PER_SECOND,
                    WarmUpRamp.forWarmUp(warmUp.toSeconds()));
        }
    }

    /**
     * @param podsForRamp the fewest pods pre-warmed that carry a step to the peak through their ramp within the p99
     *        target (for pods without a ramp, or of unlimited rate, or a target no number of warm pods keeps: the pods
     *        at the peak); more than max-scale when max-scale cannot
     * @param p99OfStep the p99 of that step on {@code minScale} pods pre-warmed, simulated
     * @param podsForP99 the fewest warm pods that keep the latency within the p99 target at the peak (0: none can)
     * @param headroom the share of the warm pods' capacity left free at the peak with {@code minScale} pods
     *        (1: the pods' rate is unlimited)
     * @param storeBound the peak needs more writes per second than the store takes: more pods will not help
     */
    public record Plan(String function, double peakRate, double concurrency, int podsAtPeak, int minScale,
            boolean cappedByMaxScale, Duration leadTime, Duration warmUp, long cpuMillisNeeded, Boolean fitsQuota,
            Duration p99Target, int podsForP99, Duration p99AtPodsForP99, double headroom, boolean storeBound,
            String ramp, int podsForRamp, Duration p99OfStep) {
    }

    public static Plan plan(Input in) {
        double concurrency = in.peakRate() * in.serviceTime().toNanos() / 1e9;
        int byConcurrency = (int) Math.ceil(concurrency / in.settings().effectiveTarget() - 1e-9);
        int byRate = in.maxRatePerPod() > 0 ? (int) Math.ceil(in.peakRate() / in.maxRatePerPod() - 1e-9) : 0;
        int pods = Math.max(1, Math.max(byConcurrency, byRate));
        PodCapacity pod = new PodCapacity(in.maxRatePerPod(), in.settings().containerConcurrency(), in.serviceTime());
        int forP99 = podsForLatency(in.peakRate(), pod, in.p99Target());
        int forRamp = forP99 == 0 ? pods : podsForRamp(in, pod, pods);
        int max = in.settings().maxScale();
        boolean capped = max > 0 && forRamp > max;
        int minScale = capped ? max : forRamp;
        long cpu = (long) minScale * in.cpuRequestMillisPerPod();
        Boolean fits = in.quotaCpuMillisLeft().isPresent() ? cpu <= in.quotaCpuMillisLeft().getAsLong() : null;
        return new Plan(in.function(), in.peakRate(), concurrency, pods, minScale, capped,
                leadTime(in.podStartup(), in.warmUp(), in.margin()), in.warmUp(), cpu, fits, in.p99Target(), forP99,
                forP99 == 0 ? Duration.ZERO : latency(in.peakRate(), forP99, pod),
                1 - in.peakRate() / (minScale * pod.rate()), in.peakRate() > in.storeWritesPerSecond(), in.ramp().name(),
                forRamp, step(in, pod, minScale).p99());
    }

    /**
     * The fewest pods, from {@code pods} on, whose step to the peak keeps its p99 within the target and leaves nothing
     * waiting; {@code pods} itself where the pods serve their whole rate from the first request (no ramp) or their rate
     * has no limit, or already exceeds max-scale; one more than max-scale when max-scale is not enough (without
     * max-scale, at most 50 times {@code pods}: a fortieth is the coldest ramp's first share).
     */
    static int podsForRamp(Input in, PodCapacity pod, int pods) {
        if (in.ramp().equals(WarmUpRamp.NONE) || Double.isInfinite(pod.rate())) {
            return pods;
        }
        int max = in.settings().maxScale();
        if (max > 0 && pods > max) {
            return pods;
        }
        int most = max > 0 ? max : Math.min(MOST_PODS, pods * 50);
        for (int n = pods; n <= most; n++) {
            SimulationResult result = step(in, pod, n);
            if (result.p99().compareTo(in.p99Target()) <= 0 && result.unserved() < 1) {
                return n;
            }
        }
        return max > 0 ? most + 1 : most;
    }

    /** A step to the peak on {@code n} pods pre-warmed (ready and idle until it), the autoscaler adding pods. */
    private static SimulationResult step(Input in, PodCapacity pod, int n) {
        AutoscalerSettings settings = in.settings().withScale(n, in.settings().maxScale());
        return KpaSimulator.run(new KpaSimulator.Input(Traffic.step(0, in.peakRate(), STEP_AT), pod, in.ramp(),
                in.podStartup().plus(in.warmUp()), settings, SIMULATED, n, false));
    }

    /** The fewest warm pods whose time per request at {@code rate} is within {@code target}; 0 if no number is. */
    static int podsForLatency(double rate, PodCapacity pod, Duration target) {
        for (int n = 1; n <= MOST_PODS; n++) {
            if (rate < n * pod.rate() && latency(rate, n, pod).compareTo(target) <= 0) {
                return n;
            }
        }
        return 0;
    }

    private static Duration latency(double rate, int pods, PodCapacity pod) {
        return Duration.ofNanos(Math.round(pod.serviceTime().toNanos() * pod.stretch(rate / (pods * pod.rate()))));
    }

    /**
     * How long before the peak min-scale must be raised: a pod's start-up, then its warm-up before it reports ready
     * (zero for a function that does not warm up), two autoscaler ticks, and the margin.
     */
    public static Duration leadTime(Duration podStartup, Duration warmUp, Duration margin) {
        return podStartup.plus(warmUp).plus(AutoscalerSettings.TICK.multipliedBy(2)).plus(margin);
    }
}
