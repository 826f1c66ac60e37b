package io.checkin.warmup.model;

import java.time.Duration;
import java.util.List;

/**
 * What a simulated traffic profile did to a revision: every tick, how many requests had to wait for a pod
 * to start (cold starts), the longest such wait, and the pod-seconds spent (starting pods included).
 */
public record SimulationResult(List<Tick> ticks, double coldStartRequests, Duration longestWait, double podSeconds) {

    public int maxReadyPods() {
        return ticks.stream().mapToInt(Tick::readyPods).max().orElse(0);
    }
}
