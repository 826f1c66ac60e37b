package io.checkin.warmup.model;

import java.time.Duration;

/**
 * The autoscaler's view at one tick: offered load, the concurrency it observed (requests in pods and waiting),
 * what it wants, what serves, whether it panics; what the ready pods can serve (requests/s), the requests waiting at
 * the tick's end and whether the activator is in the path (then they wait there, else in the queue-proxies).
 */
public record Tick(Duration at, double rate, double concurrency, int desiredPods, int readyPods, int startingPods,
        boolean panic, double capacity, double waiting, boolean activatorInPath) {
}
