package io.checkin.warmup.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Scenarios from knative/serving's autoscaler (pkg/autoscaler/scaling and its tests, pkg/reconciler/autoscaling/kpa)
 * and config-autoscaler's defaults (target 100 at 70%, stable window 60 s, panic window 10% of it, panic threshold
 * 200%, scale-up rate 1000, scale-down rate 2, target-burst-capacity 211, initial-scale 1), each with the decisions
 * expected tick by tick (2 s). A tick gives the concurrency the autoscaler observes and the pods ready.
 */
class KnativeAutoscalerGoldenTest {

    private static final AutoscalerSettings CONFIG = AutoscalerSettings.defaults(); // 70 in flight per pod

    /** Feeds the decider tick by tick from t=0 and checks the decisions at the ticks given. */
    private static final class Script {
        private final Decider decider;
        private final List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        private int second;

        Script(AutoscalerSettings settings) {
            decider = new Decider(settings);
        }

        /** {@code ticks} ticks observing {@code concurrency} on {@code ready} pods; returns the last decision. */
        Decider.Decision run(int ticks, double concurrency, int ready) {
            Decider.Decision last = null;
            for (int i = 0; i < ticks; i++) {
                last = decider.decide(Duration.ofSeconds(second), concurrency, ready);
                second += 2;
            }
            return last;
        }

        Script expect(int ticks, double concurrency, int ready, int desired, boolean panic) {
            int at = second + 2 * (ticks - 1);
            Decider.Decision d = run(ticks, concurrency, ready);
            checks.add(() -> assertEquals(desired, d.desiredPods(), "desired pods at t=" + at));
            checks.add(() -> assertEquals(panic, d.panic(), "panic at t=" + at));
            return this;
        }

        void verify() {
            assertAll(checks);
        }
    }

    @Test
    void podsAreTheConcurrencyOverSeventyPercentOfTheTarget() {
        new Script(CONFIG)
                .expect(1, 700, 10, 10, false) // 700 / 70 = 10
                .expect(1, 721, 10, 11, false) // stable average 710.5 / 70 = 10.15 -> 11
                .verify();
    }

    @Test
    void panicStartsWhenThePanicWindowWantsTwiceTheReadyPods() {
        new Script(CONFIG)
                .expect(3, 350, 5, 5, false)
                // panic window (3 ticks): (350 + 350 + 1750) / 3 = 816.7 -> 12 pods on 5 ready = 240% -> panic;
                // the stable window's 700 -> 10, so the panic window's 12 wins
                .expect(1, 1750, 5, 12, true)
                .verify();
    }

    @Test
    void belowTwiceTheReadyPodsThereIsNoPanic() {
        new Script(CONFIG)
                .expect(3, 350, 5, 5, false)
                // (350 + 350 + 1100) / 3 = 600 -> 9 pods on 5 = 180%: no panic; stable (1050 + 1100) / 4 -> 8
                .expect(1, 1100, 5, 8, false)
                .verify();
    }

    @Test
    void scanInsPanicThresholdOf150PercentPanicsAtTheSameJump() {
        new Script(CONFIG.toBuilder().panicThreshold(150).build())
                .expect(3, 350, 5, 5, false)
                .expect(1, 1100, 5, 9, true) // 180% >= 150%: panic, the panic window's 9
                .verify();
    }

    @Test
    void scaleUpIsAtMostAThousandTimesTheReadyPods() {
        new Script(CONFIG)
                .expect(1, 100_000, 0, 1000, true) // 1,429 wanted; no pod ready counts as 1: at most 1,000
                // t=2: 1,429 on 1,000 ready is under 200%, but the panic lasts a stable window: the full 1,429
                .expect(1, 100_000, 1000, 1429, true)
                .verify();
    }

    @Test
    void scaleDownIsAtMostHalfTheReadyPodsPerTick() {
        new Script(CONFIG)
                .expect(1, 70, 10, 5, false) // 1 wanted, at most down to 10 / 2
                .expect(1, 70, 5, 2, false)
                .expect(1, 70, 2, 1, false)
                .verify();
    }

    @Test
    void panicHoldsTheScaleUntilMoreThanAStableWindowAfterTheLastTickAboveTheThreshold() {
        new Script(CONFIG)
                .expect(1, 700, 10, 10, false)
                .expect(1, 7_000, 10, 55, true) // (700 + 7,000) / 2 = 3,850 -> 55 on 10 ready: panic
                .expect(2, 70, 10, 55, true) // t=4 (37 pods, 370%) and t=6 (34, 340%) still above: t=6 is the last
                .expect(30, 70, 10, 55, true) // up to t=66, 60 s after t=6: the panic holds 55
                .expect(1, 70, 10, 5, false) // t=68: over; the stable window wants 1, at most down to 10 / 2
                .verify();
    }

    @Test
    void scaleDownDelayKeepsTheHighestDecisionForItsLength() {
        // upstream's TestAutoscalerScaleDownDelay: no panic (a threshold no jump reaches), scale-down-delay 5 min
        AutoscalerSettings settings = CONFIG.toBuilder().panicThreshold(100_000).scaleDownDelay(Duration.ofMinutes(5)).build();
        new Script(settings)
                .expect(30, 280, 0, 4, false) // t=0..58: 280 / 70 = 4
                // from t=60 nothing: the stable average falls; 4 is wanted the last time at t=72 (280 x 23 / 30)
                .expect(7, 0, 0, 4, false)
                .expect(149, 0, 0, 4, false) // t=370: 4 from t=72 is still within 5 minutes
                .expect(1, 0, 0, 3, false) // t=372: it scrolls out; t=74 wanted 3
                .expect(21, 0, 0, 1, false) // t=414: t=116 wanted 1 (280 / 30 -> 1)
                .expect(1, 0, 0, 0, false) // t=416: everything scrolled out
                .verify();
    }

    @Test
    void panicDecisionsStayInTheScaleDownDelayWindow() {
        AutoscalerSettings settings = CONFIG.toBuilder().scaleDownDelay(Duration.ofSeconds(30)).build();
        new Script(settings)
                .expect(1, 700, 10, 10, false)
                .expect(1, 7_000, 10, 55, true)
                .expect(32, 70, 10, 55, true) // panic until t=66, as without a delay
                .expect(1, 70, 10, 55, false) // t=68: out of panic, but 55 was decided within the last 30 s
                .expect(13, 70, 10, 55, false) // t=94: 55 from t=66 is still within 30 s (15 ticks)
                .expect(1, 70, 10, 5, false) // t=96: it has scrolled out
                .verify();
    }

    @Test
    void theActivatorStaysInThePathUntilThePodsCoverTheTargetBurstCapacity() {
        // excess burst capacity = floor(ready x 100 - 211 - panic average)
        Decider three = new Decider(CONFIG);
        assertEquals(19, three.decide(Duration.ZERO, 70, 3).excessBurstCapacity()); // 300 - 211 - 70: out of the path
        Decider two = new Decider(CONFIG);
        assertEquals(-81, two.decide(Duration.ZERO, 70, 2).excessBurstCapacity()); // 200 - 211 - 70: in the path
        Decider always = new Decider(CONFIG.toBuilder().targetBurstCapacity(-1).build());
        assertEquals(-1, always.decide(Duration.ZERO, 70, 30).excessBurstCapacity());
        Decider never = new Decider(CONFIG.toBuilder().targetBurstCapacity(0).build());
        assertEquals(0, never.decide(Duration.ZERO, 700, 1).excessBurstCapacity());
    }

    @Test
    void activationScaleIsTheFewestPodsFromZero() {
        new Script(CONFIG.toBuilder().activationScale(3).build())
                .expect(1, 0, 0, 0, false) // nothing wanted: still zero
                .expect(1, 20, 0, 3, false) // (0 + 20) / 2 = 10 -> 1 pod wanted: 3
                .verify();
    }

    @Test
    void aNewRevisionKeepsItsInitialScaleUntilThosePodsAreReady() {
        AutoscalerSettings settings = CONFIG.toBuilder().initialScale(3).build();
        SimulationResult result = KpaSimulator.run(new KpaSimulator.Input(t -> 0, PodCapacity.unlimited(Duration.ofMillis(20)),
                WarmUpRamp.NONE, Duration.ofSeconds(4), settings, Duration.ofSeconds(10), 0, true));
        assertEquals(3, result.ticks().get(0).desiredPods());
        assertEquals(3, result.ticks().get(1).startingPods()); // t=2: still starting
        // t=4: ready once, the autoscaler's own decision applies: nothing wanted, at most down to 3 / 2, then 0
        assertEquals(1, result.ticks().get(2).desiredPods());
        assertEquals(0, result.ticks().get(3).desiredPods());
    }

    @Test
    void minScaleAndMaxScaleBoundTheDecision() {
        AutoscalerSettings settings = CONFIG.withScale(2, 3);
        SimulationResult result = KpaSimulator.run(new KpaSimulator.Input(Traffic.step(0, 35_000, Duration.ofSeconds(60)),
                Duration.ofMillis(20), Duration.ofSeconds(4), settings, Duration.ofSeconds(120), 2));
        assertTrue(result.ticks().stream().limit(30).allMatch(t -> t.desiredPods() == 2 && t.readyPods() == 2));
        assertEquals(3, result.ticks().get(30).desiredPods()); // 700 in flight want 10; max-scale 3
        assertTrue(result.ticks().stream().allMatch(t -> t.desiredPods() <= 3));
        assertFalse(result.ticks().stream().anyMatch(t -> t.readyPods() < 2));
    }
}
