package io.checkin.warmup.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A revision's pods: those starting (until their ready time) and those ready, each with its seconds under load. */
final class Pods {

    private final List<Duration> starting = new ArrayList<>();
    private final List<Double> ready = new ArrayList<>();
    private final WarmUpRamp ramp;

    Pods(int initiallyReady, WarmUpRamp ramp) {
        this.ramp = ramp;
        for (int i = 0; i < initiallyReady; i++) {
            ready.add(0.0);
        }
    }

    /** Pods whose start-up has ended by {@code now} turn ready, at the start of their ramp. */
    void startUpTo(Duration now) {
        starting.removeIf(at -> {
            if (at.compareTo(now) <= 0) {
                ready.add(0.0);
                return true;
            }
            return false;
        });
    }

    /** Starts or stops pods (starting ones first, then the most recently ready) until {@code wanted} run. */
    void scaleTo(int wanted, Duration now, Duration startup) {
        while (running() < wanted) {
            starting.add(now.plus(startup));
        }
        while (running() > wanted) {
            if (!starting.isEmpty()) {
                starting.remove(starting.size() - 1);
            } else {
                ready.remove(ready.size() - 1);
            }
        }
    }

    /** Each ready pod's share of a warm pod's rate over the tick ahead. */
    double[] shares(double tickSeconds) {
        return ready.stream().mapToDouble(age -> ramp.share(age + tickSeconds / 2)).toArray();
    }

    /** A tick with traffic ages every ready pod's warm-up. */
    void served(double tickSeconds) {
        ready.replaceAll(age -> age + tickSeconds);
    }

    Duration firstReady(Duration now, Duration startup) {
        return starting.stream().min(Duration::compareTo).orElse(now.plus(startup));
    }

    int ready() {
        return ready.size();
    }

    int starting() {
        return starting.size();
    }

    int running() {
        return ready.size() + starting.size();
    }
}
