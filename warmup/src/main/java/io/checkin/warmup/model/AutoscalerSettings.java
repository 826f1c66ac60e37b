package io.checkin.warmup.model;

import java.time.Duration;

/**
 * The Knative Pod Autoscaler settings that decide a revision's scale: its annotations and the
 * config-autoscaler defaults (knative/serving v1.23), with Knative's defaults where unset.
 */
public record AutoscalerSettings(double target, double utilizationPercentage, long containerConcurrency, int minScale,
        int maxScale, Duration stableWindow, double panicWindowPercentage, double panicThresholdPercentage,
        double maxScaleUpRate, double maxScaleDownRate, Duration scaleDownDelay, Duration scaleToZeroGracePeriod) {

    /** The autoscaler acts every two seconds. */
    public static final Duration TICK = Duration.ofSeconds(2);

    public static AutoscalerSettings defaults() {
        return new AutoscalerSettings(100, 70, 0, 0, 0, Duration.ofSeconds(60), 10, 200, 1000, 2, Duration.ZERO,
                Duration.ofSeconds(30));
    }

    /** Concurrent requests per pod the autoscaler aims at: the target (capped by a hard limit) times utilization. */
    public double effectiveTarget() {
        double base = containerConcurrency > 0 ? Math.min(target, containerConcurrency) : target;
        return base * utilizationPercentage / 100;
    }

    public Duration panicWindow() {
        return Duration.ofMillis((long) (stableWindow.toMillis() * panicWindowPercentage / 100));
    }

    public AutoscalerSettings withTarget(double newTarget, double newUtilization) {
        return new AutoscalerSettings(newTarget, newUtilization, containerConcurrency, minScale, maxScale, stableWindow,
                panicWindowPercentage, panicThresholdPercentage, maxScaleUpRate, maxScaleDownRate, scaleDownDelay,
                scaleToZeroGracePeriod);
    }

    public AutoscalerSettings withScale(int newMin, int newMax) {
        return new AutoscalerSettings(target, utilizationPercentage, containerConcurrency, newMin, newMax, stableWindow,
                panicWindowPercentage, panicThresholdPercentage, maxScaleUpRate, maxScaleDownRate, scaleDownDelay,
                scaleToZeroGracePeriod);
    }

    public AutoscalerSettings withScaleUpRate(double rate) {
        return new AutoscalerSettings(target, utilizationPercentage, containerConcurrency, minScale, maxScale,
                stableWindow, panicWindowPercentage, panicThresholdPercentage, rate, maxScaleDownRate, scaleDownDelay,
                scaleToZeroGracePeriod);
    }
}
