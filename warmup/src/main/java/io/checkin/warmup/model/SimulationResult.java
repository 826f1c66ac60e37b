package io.checkin.warmup.model;

import java.time.Duration;
import java.util.List;

/**
 * What a simulated traffic profile did to a revision: every tick; the requests that arrived while no pod was ready
 * (cold starts) and the longest of their waits for the first pod; the pod-seconds spent (starting pods included);
 * and, counting queues too, the requests that waited, the mean and longest wait, the 99th percentile of latency and
 * the requests still waiting at the end.
 */
public record SimulationResult(List<Tick> ticks, double coldStartRequests, Duration longestWait, double podSeconds,
        double waitedRequests, Duration meanWait, Duration longestQueueWait, Duration p99, double unserved) {

    public int maxReadyPods() {
        return ticks.stream().mapToInt(Tick::readyPods).max().orElse(0);
    }
}
