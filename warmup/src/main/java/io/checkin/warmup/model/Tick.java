package io.checkin.warmup.model;

import java.time.Duration;

/** The autoscaler's view at one tick: offered load, what it wants, what serves, and whether it panics. */
public record Tick(Duration at, double rate, double concurrency, int desiredPods, int readyPods, int startingPods,
        boolean panic) {
}
