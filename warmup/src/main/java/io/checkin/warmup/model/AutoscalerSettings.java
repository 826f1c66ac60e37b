package io.checkin.warmup.model;

import java.time.Duration;

/**
 * The Knative Pod Autoscaler settings that decide a revision's scale: its annotations and the config-autoscaler
 * defaults (knative/serving v1.23, {@code config-autoscaler}), with Knative's defaults where unset.
 *
 * @param target concurrent requests per pod aimed at before utilization ({@code autoscaling.knative.dev/target})
 * @param containerConcurrency the hard per-pod limit (0: none)
 * @param targetBurstCapacity requests the revision must absorb beyond its target before the activator leaves the
 *        path (-1: the activator always stays; 0: it leaves as soon as a pod is ready)
 * @param initialScale pods a new revision starts with and keeps until they are ready
 * @param activationScale the fewest pods a revision scales to from zero (0 and 1: one)
 */
public record AutoscalerSettings(double target, double utilizationPercentage, long containerConcurrency, int minScale,
        int maxScale, Duration stableWindow, double panicWindowPercentage, double panicThresholdPercentage,
        double maxScaleUpRate, double maxScaleDownRate, Duration scaleDownDelay, Duration scaleToZeroGracePeriod,
        double targetBurstCapacity, int initialScale, int activationScale) {

    /** The autoscaler acts every two seconds. */
    public static final Duration TICK = Duration.ofSeconds(2);

    public static AutoscalerSettings defaults() {
        return new AutoscalerSettings(100, 70, 0, 0, 0, Duration.ofSeconds(60), 10, 200, 1000, 2, Duration.ZERO,
                Duration.ofSeconds(30), 211, 1, 0);
    }

    /** The most concurrent requests per pod the autoscaler counts on: the target, capped by a hard limit. */
    public double total() {
        return containerConcurrency > 0 ? Math.min(target, containerConcurrency) : target;
    }

    /** Concurrent requests per pod the autoscaler aims at: the total times utilization (at least 0.01, as Knative). */
    public double effectiveTarget() {
        return Math.max(0.01, total() * utilizationPercentage / 100);
    }

    public Duration panicWindow() {
        return Duration.ofMillis((long) (stableWindow.toMillis() * panicWindowPercentage / 100));
    }

    public AutoscalerSettings withTarget(double newTarget, double newUtilization) {
        return toBuilder().target(newTarget).utilization(newUtilization).build();
    }

    public AutoscalerSettings withScale(int newMin, int newMax) {
        return toBuilder().scale(newMin, newMax).build();
    }

    public AutoscalerSettings withScaleUpRate(double rate) {
        return toBuilder().scaleUpRate(rate).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some settings changed; the others stay. */
    public static final class Builder {
        private double target;
        private double utilization;
        private long containerConcurrency;
        private int minScale;
        private int maxScale;
        private Duration stableWindow;
        private double panicWindowPercentage;
        private double panicThreshold;
        private double scaleUpRate;
        private double scaleDownRate;
        private Duration scaleDownDelay;
        private Duration scaleToZeroGrace;
        private double burstCapacity;
        private int initialScale;
        private int activationScale;

        private Builder(AutoscalerSettings s) {
            target = s.target;
            utilization = s.utilizationPercentage;
            containerConcurrency = s.containerConcurrency;
            minScale = s.minScale;
            maxScale = s.maxScale;
            stableWindow = s.stableWindow;
            panicWindowPercentage = s.panicWindowPercentage;
            panicThreshold = s.panicThresholdPercentage;
            scaleUpRate = s.maxScaleUpRate;
            scaleDownRate = s.maxScaleDownRate;
            scaleDownDelay = s.scaleDownDelay;
            scaleToZeroGrace = s.scaleToZeroGracePeriod;
            burstCapacity = s.targetBurstCapacity;
            initialScale = s.initialScale;
            activationScale = s.activationScale;
        }

        public Builder target(double value) {
            target = value;
            return this;
        }

        public Builder utilization(double percent) {
            utilization = percent;
            return this;
        }

        public Builder containerConcurrency(long value) {
            containerConcurrency = value;
            return this;
        }

        public Builder scale(int min, int max) {
            minScale = min;
            maxScale = max;
            return this;
        }

        public Builder stableWindow(Duration value) {
            stableWindow = value;
            return this;
        }

        public Builder panicWindowPercentage(double percent) {
            panicWindowPercentage = percent;
            return this;
        }

        public Builder panicThreshold(double percent) {
            panicThreshold = percent;
            return this;
        }

        public Builder scaleUpRate(double rate) {
            scaleUpRate = rate;
            return this;
        }

        public Builder scaleDownRate(double rate) {
            scaleDownRate = rate;
            return this;
        }

        public Builder scaleDownDelay(Duration value) {
            scaleDownDelay = value;
            return this;
        }

        public Builder scaleToZeroGracePeriod(Duration value) {
            scaleToZeroGrace = value;
            return this;
        }

        public Builder targetBurstCapacity(double value) {
            burstCapacity = value;
            return this;
        }

        public Builder initialScale(int value) {
            initialScale = value;
            return this;
        }

        public Builder activationScale(int value) {
            activationScale = value;
            return this;
        }

        public AutoscalerSettings build() {
            return new AutoscalerSettings(target, utilization, containerConcurrency, minScale, maxScale, stableWindow,
                    panicWindowPercentage, panicThreshold, scaleUpRate, scaleDownRate, scaleDownDelay, scaleToZeroGrace,
                    burstCapacity, initialScale, activationScale);
        }
    }
}
