package io.checkin.warmup.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A simulation of the Knative Pod Autoscaler (knative/serving v1.23) for one revision, tick by tick:
 * <ul>
 * <li>every 2 s, the observed concurrency (Little's law: rate x service time) is averaged over the stable
 * window (60 s) and the panic window (10% of it);</li>
 * <li>desired pods = ceil(average / (target x utilization)), bounded by the scale-up rate (1000 x ready)
 * and scale-down rate (ready / 2);</li>
 * <li>panic starts when the panic-window desire is at least the panic threshold (200%) of the ready pods,
 * and ends a stable window after the last tick above it; in panic the scale never goes down;</li>
 * <li>out of panic, scale-down waits for the scale-down delay (the maximum over it is kept);</li>
 * <li>min-scale and max-scale bound the result; the last pod goes only after the stable window without
 * traffic plus the scale-to-zero grace period;</li>
 * <li>a new pod serves after the pod start-up delay; requests arriving while no pod is ready wait in the
 * activator for the first one (a cold start).</li>
 * </ul>
 */
public final class KpaSimulator {

    private KpaSimulator() {
    }

    public record Input(Traffic traffic, Duration serviceTime, Duration podStartup, AutoscalerSettings settings,
            Duration length, int initialPods) {
    }

    public static SimulationResult run(Input in) {
        AutoscalerSettings s = in.settings();
        double tick = AutoscalerSettings.TICK.toMillis() / 1000.0;
        int stableTicks = (int) Math.max(1, s.stableWindow().toMillis() / AutoscalerSettings.TICK.toMillis());
        int panicTicks = (int) Math.max(1, s.panicWindow().toMillis() / AutoscalerSettings.TICK.toMillis());
        int delayTicks = (int) (s.scaleDownDelay().toMillis() / AutoscalerSettings.TICK.toMillis());
        Duration zeroAfter = s.stableWindow().plus(s.scaleToZeroGracePeriod());

        Deque<Double> observed = new ArrayDeque<>();
        Deque<Integer> recentDesired = new ArrayDeque<>();
        List<Duration> starting = new ArrayList<>(); // when each starting pod becomes ready
        List<Tick> ticks = new ArrayList<>();
        int ready = in.initialPods();
        int desired = in.initialPods();
        boolean panic = false;
        Duration lastAboveThreshold = null;
        Duration lastTraffic = null;
        double coldStarts = 0;
        Duration longestWait = Duration.ZERO;
        double podSeconds = 0;

        for (Duration now = Duration.ZERO; now.compareTo(in.length()) < 0; now = now.plus(AutoscalerSettings.TICK)) {
            final Duration at = now;
            int nowReady = (int) starting.stream().filter(r -> r.compareTo(at) <= 0).count();
            starting.removeIf(r -> r.compareTo(at) <= 0);
            ready += nowReady;

            double rate = in.traffic().rate(now);
            double concurrency = rate * in.serviceTime().toNanos() / 1e9;
            if (rate > 0) {
                lastTraffic = now;
            }
            observed.addLast(concurrency);
            while (observed.size() > stableTicks) {
                observed.removeFirst();
            }
            double stable = average(observed, stableTicks);
            double panicAverage = average(observed, panicTicks);

            int base = Math.max(1, ready);
            int maxUp = (int) Math.ceil(s.maxScaleUpRate() * base);
            int maxDown = (int) Math.floor(base / s.maxScaleDownRate());
            int desiredStable = clamp((int) Math.ceil(stable / s.effectiveTarget()), maxDown, maxUp);
            int desiredPanic = clamp((int) Math.ceil(panicAverage / s.effectiveTarget()), maxDown, maxUp);

            if (Math.ceil(panicAverage / s.effectiveTarget()) / base >= s.panicThresholdPercentage() / 100) {
                panic = true;
                lastAboveThreshold = now;
            } else if (panic && now.minus(lastAboveThreshold).compareTo(s.stableWindow()) >= 0) {
                panic = false;
            }

            int wanted;
            if (panic) {
                wanted = Math.max(desired, Math.max(desiredStable, desiredPanic));
                recentDesired.clear();
            } else {
                recentDesired.addLast(desiredStable);
                while (recentDesired.size() > delayTicks + 1) {
                    recentDesired.removeFirst();
                }
                wanted = recentDesired.stream().mapToInt(Integer::intValue).max().orElse(desiredStable);
            }
            wanted = Math.max(wanted, s.minScale());
            if (s.maxScale() > 0) {
                wanted = Math.min(wanted, s.maxScale());
            }
            if (wanted == 0 && ready + starting.size() > 0 && lastTraffic != null
                    && now.minus(lastTraffic).compareTo(zeroAfter) < 0) {
                wanted = 1; // the last pod stays for the stable window plus the grace period
            }
            desired = wanted;

            int total = ready + starting.size();
            for (int i = total; i < desired; i++) {
                starting.add(now.plus(in.podStartup()));
            }
            for (int i = total; i > desired; i--) {
                if (!starting.isEmpty()) {
                    starting.remove(starting.size() - 1);
                } else {
                    ready--;
                }
            }

            if (ready == 0 && rate > 0) {
                Duration firstReady = starting.stream().min(Duration::compareTo).orElse(now.plus(in.podStartup()));
                coldStarts += rate * tick;
                Duration wait = firstReady.minus(now);
                if (wait.compareTo(longestWait) > 0) {
                    longestWait = wait;
                }
            }
            podSeconds += (ready + starting.size()) * tick;
            ticks.add(new Tick(now, rate, concurrency, desired, ready, starting.size(), panic));
        }
        return new SimulationResult(ticks, coldStarts, longestWait, podSeconds);
    }

    /** The average over the last {@code lastN} ticks, or over all ticks seen while fewer, as Knative does. */
    private static double average(Deque<Double> values, int lastN) {
        int skip = Math.max(0, values.size() - lastN);
        double sum = 0;
        int i = 0;
        for (double v : values) {
            if (i++ >= skip) {
                sum += v;
            }
        }
        return sum / Math.min(lastN, values.size());
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
