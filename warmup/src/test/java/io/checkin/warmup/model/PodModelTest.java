package io.checkin.warmup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Pods with a capacity and a warm-up ramp, and the queues in front of them. */
class PodModelTest {

    private static final Duration SERVICE = Duration.ofMillis(10);
    private static final AutoscalerSettings ONE_POD = AutoscalerSettings.defaults().withScale(1, 1);

    private static SimulationResult run(Traffic traffic, double maxRate, WarmUpRamp ramp, AutoscalerSettings settings,
            int initialPods, int seconds) {
        return KpaSimulator.run(new KpaSimulator.Input(traffic, new PodCapacity(maxRate, 0, SERVICE), ramp,
                Duration.ofSeconds(4), settings, Duration.ofSeconds(seconds), initialPods, false));
    }

    private static Tick at(SimulationResult result, int second) {
        return result.ticks().get(second / 2);
    }

    @Test
    void aPodServesAtMostItsRateAndTheRestWaitsInOrder() {
        // 1,500/s for 10 s on one pod of 1,000/s: 5,000 wait at t=10, served by t=15; the last arrival waits 5 s
        SimulationResult result = run(Traffic.step(1_500, 0, Duration.ofSeconds(10)), 1_000, WarmUpRamp.NONE, ONE_POD, 1, 40);
        assertEquals(5_000, at(result, 8).waiting(), 1e-6);
        assertEquals(0, at(result, 14).waiting(), 1e-6);
        assertEquals(5.0, result.longestQueueWait().toMillis() / 1000.0, 0.01);
        assertTrue(result.p99().compareTo(Duration.ofMillis(4_800)) > 0, result.p99().toString());
        assertEquals(0, result.coldStartRequests());
        assertEquals(0, result.unserved(), 1e-6);
    }

    @Test
    void latencyRisesWithUtilisation() {
        Duration light = run(t -> 300, 1_000, WarmUpRamp.NONE, ONE_POD, 1, 20).p99();
        Duration heavy = run(t -> 990, 1_000, WarmUpRamp.NONE, ONE_POD, 1, 20).p99();
        assertTrue(light.compareTo(SERVICE) >= 0 && light.compareTo(SERVICE.multipliedBy(2)) < 0, light.toString());
        assertTrue(heavy.compareTo(light.multipliedBy(2)) > 0, light + " then " + heavy);
    }

    @Test
    void requestsBeyondTheContainerConcurrencyQueue() {
        // 5 in flight at 10 ms: 500/s at most, whatever the pod's rate
        SimulationResult result = KpaSimulator.run(new KpaSimulator.Input(t -> 600, new PodCapacity(0, 5, SERVICE),
                WarmUpRamp.NONE, Duration.ofSeconds(4), ONE_POD.toBuilder().containerConcurrency(5).build(),
                Duration.ofSeconds(10), 1, false));
        assertEquals(500, at(result, 0).capacity(), 1e-9);
        assertEquals(1_000, at(result, 8).waiting(), 1e-6);
    }

    @Test
    void requestsBufferedInTheActivatorCountAsConcurrency() {
        // from zero, 100/s at 10 ms is 1 in flight, but the 200 arriving in the first tick wait in the activator:
        // 100 on average, so the autoscaler asks for 100 / 70 -> 2 pods at once
        SimulationResult result = run(t -> 100, 0, WarmUpRamp.NONE, AutoscalerSettings.defaults(), 0, 10);
        assertEquals(100, at(result, 0).concurrency(), 1e-6);
        assertEquals(2, at(result, 0).desiredPods());
        assertTrue(at(result, 0).activatorInPath());
    }

    @Test
    void theActivatorLeavesThePathOnceTheReadyPodsCoverTheBurstCapacity() {
        // 3 ready pods of 100 in flight each, 1 in flight: 300 - 211 - 1 >= 0; with 2 pods it would be negative
        SimulationResult three = run(t -> 100, 0, WarmUpRamp.NONE, AutoscalerSettings.defaults().withScale(3, 0), 3, 4);
        assertFalse(at(three, 0).activatorInPath());
        SimulationResult two = run(t -> 100, 0, WarmUpRamp.NONE, AutoscalerSettings.defaults().withScale(2, 0), 2, 4);
        assertTrue(at(two, 0).activatorInPath());
    }

    @Test
    void aPodThatJustBecameReadyServesOnlyItsRampsShare() {
        SimulationResult cold = run(t -> 1_000, 1_000, WarmUpRamp.COLD, ONE_POD, 1, 60);
        assertEquals(1_000 * 166 / 6590.0, at(cold, 0).capacity(), 1e-6); // its first 2 s
        assertEquals(1_000 * 3132 / 6590.0, at(cold, 18).capacity(), 1e-6); // 18-20 s under load
        assertEquals(1_000, at(cold, 52).capacity(), 1e-6);
        SimulationResult preheated = run(t -> 1_000, 1_000, WarmUpRamp.PREHEATED, ONE_POD, 1, 60);
        assertEquals(1_000 * 2538 / 8540.0, at(preheated, 0).capacity(), 1e-6);
        assertTrue(preheated.p99().compareTo(cold.p99()) < 0);
    }

    @Test
    void aPodHeldIdleStartsItsRampAtItsFirstRequest() {
        SimulationResult result = run(Traffic.step(0, 1_000, Duration.ofSeconds(30)), 1_000, WarmUpRamp.COLD, ONE_POD, 1, 40);
        assertEquals(1_000 * 166 / 6590.0, at(result, 30).capacity(), 1e-6);
    }

    @Test
    void aPodThatWarmsUpBeforeReadyRampsAsAPreheatedOneAndOneWithoutAsANativeExecutable() {
        assertEquals(WarmUpRamp.PREHEATED, WarmUpRamp.forWarmUp(30));
        assertEquals(WarmUpRamp.NONE, WarmUpRamp.forWarmUp(0));
    }

    @Test
    void panicDecisionsStayInTheScaleDownDelayWindow() {
        // 5 concurrent on one pod, 50 from t=20 s to t=40 s: panic until t=84 at 5 pods (KpaSimulatorTest); with a
        // 30 s delay the panic's 5 hold until 30 s after t=84
        AutoscalerSettings settings = AutoscalerSettings.defaults().withTarget(10, 100).toBuilder()
                .scaleDownDelay(Duration.ofSeconds(30)).build();
        Traffic traffic = t -> t.compareTo(Duration.ofSeconds(20)) < 0 || t.compareTo(Duration.ofSeconds(40)) >= 0 ? 50 : 500;
        SimulationResult result = KpaSimulator.run(new KpaSimulator.Input(traffic, Duration.ofMillis(100),
                Duration.ofSeconds(4), settings, Duration.ofSeconds(160), 1));
        assertFalse(at(result, 86).panic());
        assertEquals(5, at(result, 86).desiredPods());
        assertEquals(5, at(result, 112).desiredPods());
        assertTrue(at(result, 114).desiredPods() < 5);
    }
}
