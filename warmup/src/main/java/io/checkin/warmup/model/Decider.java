package io.checkin.warmup.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Knative Pod Autoscaler's decision every tick, as knative/serving's {@code pkg/autoscaler/scaling} makes it:
 * <ul>
 * <li>the observed concurrency is averaged over the stable window (60 s) and the panic window (10% of it), over
 * the ticks seen while fewer;</li>
 * <li>desired pods = ceil(average / (target x utilization)), within [ready / max-scale-down-rate, ready x
 * max-scale-up-rate] (ready counted as at least 1), and at least the activation scale when any is wanted;</li>
 * <li>panic starts when the panic window's desire (before the rate limits) is at least the panic threshold
 * (200%) of the ready pods, is extended by every tick above it, and ends at the first tick below it more than a
 * stable window after the last one above; in panic the larger of both desires is taken and the scale never goes
 * down;</li>
 * <li>the result, panicking or not, goes through the scale-down delay: the highest decision of the last
 * {@code scale-down-delay} is kept;</li>
 * <li>the excess burst capacity, floor(ready x total - target-burst-capacity - panic average), keeps the
 * activator in the path while negative.</li>
 * </ul>
 * Min-scale, max-scale, initial-scale and scaling to zero are the scaler's ({@link Scaler}), not the decider's.
 */
public final class Decider {

    private final AutoscalerSettings s;
    private final int stableTicks;
    private final int panicTicks;
    private final Deque<Double> observed = new ArrayDeque<>();
    private final Deque<long[]> delayed = new ArrayDeque<>(); // {tick index, decision}, decreasing decisions
    private Duration panicSince;
    private int maxPanicPods;

    /** One tick's decision: the pods wanted, whether in panic, and the excess burst capacity. */
    public record Decision(int desiredPods, boolean panic, double excessBurstCapacity) {
    }

    public Decider(AutoscalerSettings settings) {
        this.s = settings;
        this.stableTicks = ticks(settings.stableWindow());
        this.panicTicks = ticks(settings.panicWindow());
    }

    private static int ticks(Duration window) {
        return (int) Math.max(1, window.toMillis() / AutoscalerSettings.TICK.toMillis());
    }

    public Decision decide(Duration now, double concurrency, int readyPods) {
        observed.addLast(concurrency);
        while (observed.size() > stableTicks) {
            observed.removeFirst();
        }
        double stable = average(stableTicks);
        double panicAverage = average(panicTicks);
        double ready = Math.max(1, readyPods);
        double maxUp = Math.ceil(s.maxScaleUpRate() * ready);
        double maxDown = Math.floor(ready / s.maxScaleDownRate());
        double dspc = Math.ceil(stable / s.effectiveTarget() - 1e-9);
        double dppc = Math.ceil(panicAverage / s.effectiveTarget() - 1e-9);
        int desiredStable = (int) Math.min(Math.max(dspc, maxDown), maxUp);
        int desiredPanic = (int) Math.min(Math.max(dppc, maxDown), maxUp);
        if (s.activationScale() > 1) {
            desiredStable = dspc > 0 ? Math.max(desiredStable, s.activationScale()) : desiredStable;
            desiredPanic = dppc > 0 ? Math.max(desiredPanic, s.activationScale()) : desiredPanic;
        }

        boolean over = dppc / ready >= s.panicThresholdPercentage() / 100;
        if (over) {
            panicSince = now;
        } else if (panicSince != null && panicSince.plus(s.stableWindow()).compareTo(now) < 0) {
            panicSince = null;
            maxPanicPods = 0;
        }
        int desired = desiredStable;
        if (panicSince != null) {
            maxPanicPods = Math.max(maxPanicPods, Math.max(desiredStable, desiredPanic));
            desired = maxPanicPods;
        }
        desired = delay(now, desired);
        double excess = s.targetBurstCapacity() == 0 ? 0 : s.targetBurstCapacity() < 0 ? -1
                : Math.floor(readyPods * s.total() - s.targetBurstCapacity() - panicAverage);
        return new Decision(desired, panicSince != null, excess);
    }

    /** The highest decision recorded in the last scale-down delay (none: this one). */
    private int delay(Duration now, int desired) {
        if (s.scaleDownDelay().isZero()) {
            return desired;
        }
        long buckets = (long) Math.ceil((double) s.scaleDownDelay().toMillis() / AutoscalerSettings.TICK.toMillis());
        long index = now.toMillis() / AutoscalerSettings.TICK.toMillis();
        while (!delayed.isEmpty() && delayed.peekLast()[1] <= desired) {
            delayed.removeLast();
        }
        while (!delayed.isEmpty() && index - delayed.peekFirst()[0] >= buckets) {
            delayed.removeFirst();
        }
        delayed.addLast(new long[] { index, desired });
        return (int) delayed.peekFirst()[1];
    }

    /** The average over the last {@code lastN} ticks, or over all ticks seen while fewer, as Knative does. */
    private double average(int lastN) {
        int skip = Math.max(0, observed.size() - lastN);
        double sum = 0;
        int i = 0;
        for (double v : observed) {
            if (i++ >= skip) {
                sum += v;
            }
        }
        return observed.isEmpty() ? 0 : sum / Math.min(lastN, observed.size());
    }
}
