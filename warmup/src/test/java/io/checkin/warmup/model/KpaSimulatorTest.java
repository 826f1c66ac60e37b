package io.checkin.warmup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Hand-computed cases; an effective target of 10 concurrent requests per pod keeps the arithmetic plain. */
class KpaSimulatorTest {

    private static final AutoscalerSettings TEN = AutoscalerSettings.defaults().withTarget(10, 100);
    private static final Duration SERVICE = Duration.ofMillis(100);
    private static final Duration STARTUP = Duration.ofSeconds(4);

    private static SimulationResult run(Traffic traffic, AutoscalerSettings settings, int initialPods, int seconds) {
        return KpaSimulator.run(new KpaSimulator.Input(traffic, SERVICE, STARTUP, settings, Duration.ofSeconds(seconds),
                initialPods));
    }

    private static Tick at(SimulationResult result, int second) {
        return result.ticks().get(second / 2);
    }

    @Test
    void theSteadyStateIsConcurrencyOverTarget() {
        // 500 requests/s x 0.1 s = 50 concurrent; 50 / 10 = 5 pods, held
        SimulationResult result = run(t -> 500, TEN, 5, 120);
        assertTrue(result.ticks().stream().allMatch(t -> t.desiredPods() == 5 && t.readyPods() == 5));
        assertTrue(result.ticks().stream().noneMatch(Tick::panic));
        assertEquals(5.0 * 120, result.podSeconds(), 1e-9);
    }

    @Test
    void panicStartsHoldsAndEndsAStableWindowAfterTheLastTickAboveTheThreshold() {
        // 5 concurrent on one pod, then 50 from t=20 s, then 5 again from t=40 s
        Traffic traffic = t -> t.compareTo(Duration.ofSeconds(20)) < 0 || t.compareTo(Duration.ofSeconds(40)) >= 0 ? 50 : 500;
        SimulationResult result = run(traffic, TEN, 1, 120);
        assertFalse(at(result, 18).panic());
        // t=20: panic window (5+5+50)/3 = 20 -> 2 pods wanted on 1 ready: 200% -> panic
        assertTrue(at(result, 20).panic());
        assertEquals(2, at(result, 20).desiredPods());
        // t=24: 50 -> 5 wanted on 2 ready (250%): the last tick above the threshold; t=26: 4 ready, 125%
        assertEquals(5, at(result, 24).desiredPods());
        assertEquals(4, at(result, 26).readyPods());
        // in panic the scale holds though the load fell at t=40, also exactly 60 s after t=24
        assertTrue(at(result, 84).panic());
        assertEquals(5, at(result, 84).desiredPods());
        // more than 60 s after t=24 panic ends and the scale may come down, by at most half per tick
        assertFalse(at(result, 86).panic());
        assertEquals(2, at(result, 86).desiredPods());
    }

    @Test
    void scaleUpIsLimitedByTheScaleUpRate() {
        // 100 concurrent needs 10 pods; at a rate of 2 per ready pod: 2, then 4 once 2 are ready, then 8
        SimulationResult result = run(t -> 1000, TEN.withScaleUpRate(2), 1, 30);
        assertEquals(2, at(result, 0).desiredPods());
        assertEquals(2, at(result, 2).desiredPods());
        assertEquals(4, at(result, 4).desiredPods());
        assertEquals(8, at(result, 8).desiredPods());
        assertEquals(10, at(result, 12).desiredPods());
    }

    @Test
    void fromZeroTheFirstRequestsWaitForThePodToStart() {
        // 10 requests/s from t=0, no pod: one starts at once and serves at t=4 s
        SimulationResult result = run(t -> 10, TEN, 0, 20);
        assertEquals(STARTUP, result.longestWait());
        assertEquals(40.0, result.coldStartRequests(), 1e-9); // t=0 and t=2: 2 s x 10/s each
        assertEquals(1, at(result, 4).readyPods());
    }

    @Test
    void aPrewarmedStepBurstWaitsForNothing() {
        // min-scale 5 ready before the burst: 50 concurrent from t=10 s fits without a cold start
        SimulationResult result = run(Traffic.step(0, 500, Duration.ofSeconds(10)), TEN.withScale(5, 0), 5, 60);
        assertEquals(0.0, result.coldStartRequests());
        assertEquals(Duration.ZERO, result.longestWait());
        assertTrue(result.ticks().stream().allMatch(t -> t.readyPods() >= 5));
    }

    @Test
    void theLastPodGoesOnlyAfterTheStableWindowAndTheGracePeriod() {
        // traffic until t=10 s; the last pod stays until 60 s + 30 s after the last traffic (t=8 s)
        SimulationResult result = run(Traffic.step(50, 0, Duration.ofSeconds(10)), TEN, 1, 120);
        assertEquals(1, at(result, 96).readyPods());
        assertEquals(0, at(result, 98).readyPods());
    }

    @Test
    void scaleDownWaitsForTheScaleDownDelay() {
        // a 6 s stable window keeps the averages short: 50 concurrent until t=20 s, then 10
        Traffic drop = Traffic.step(500, 100, Duration.ofSeconds(20));
        SimulationResult prompt = run(drop, shortWindow(Duration.ZERO), 5, 40);
        assertEquals(4, at(prompt, 20).desiredPods()); // (50 + 50 + 10) / 3 -> 4
        assertEquals(3, at(prompt, 22).desiredPods());
        assertEquals(1, at(prompt, 24).desiredPods());
        // with a 10 s delay the highest wish of the last 10 s (five ticks) holds: 5 until t=26, then 4 (from t=20)
        SimulationResult delayed = run(drop, shortWindow(Duration.ofSeconds(10)), 5, 40);
        assertEquals(5, at(delayed, 24).desiredPods());
        assertEquals(5, at(delayed, 26).desiredPods());
        assertEquals(4, at(delayed, 28).desiredPods());
    }

    @Test
    void aServiceTimeUnderOneMillisecondCountsAsConcurrency() {
        // 10,000 requests/s x 0.9 ms = 9 concurrent on one pod: it stays at a target of 10
        SimulationResult result = KpaSimulator.run(new KpaSimulator.Input(t -> 10_000, Duration.ofNanos(900_000),
                STARTUP, TEN, Duration.ofSeconds(20), 1));
        assertEquals(9.0, at(result, 0).concurrency(), 1e-9);
        assertTrue(result.ticks().stream().allMatch(t -> t.desiredPods() == 1 && t.readyPods() == 1));
    }

    private static AutoscalerSettings shortWindow(Duration scaleDownDelay) {
        return TEN.toBuilder().stableWindow(Duration.ofSeconds(6)).panicWindowPercentage(100)
                .scaleDownDelay(scaleDownDelay).build();
    }
}
