package io.checkin.warmup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final AutoscalerSettings SCAN = AutoscalerSettings.defaults().withScale(0, 30); // target 100 x 70%

    private static Planner.Input input(double rate, double maxRatePerPod, AutoscalerSettings settings, OptionalLong quota) {
        return new Planner.Input("scan-in", rate, Duration.ofMillis(20), maxRatePerPod, settings, Duration.ofSeconds(5),
                Duration.ZERO, Duration.ofSeconds(60), 1000, quota);
    }

    @Test
    void podsFollowLittlesLawAndTheTarget() {
        // 13,300/s x 20 ms = 266 concurrent; 266 / 70 = 3.8 -> 4 pods
        Planner.Plan plan = Planner.plan(input(13_300, 0, SCAN, OptionalLong.empty()));
        assertEquals(266.0, plan.concurrency(), 1e-9);
        assertEquals(4, plan.podsAtPeak());
        assertEquals(4, plan.minScale());
        assertEquals(Duration.ofSeconds(5 + 4 + 60), plan.leadTime());
        assertNull(plan.fitsQuota());
    }

    @Test
    void aWarmUpBeforeReadyLengthensTheLeadTimeByItself() {
        Planner.Input cold = input(13_300, 0, SCAN, OptionalLong.empty());
        Planner.Plan plan = Planner.plan(new Planner.Input(cold.function(), cold.peakRate(), cold.serviceTime(),
                cold.maxRatePerPod(), cold.settings(), cold.podStartup(), Duration.ofSeconds(30), cold.margin(),
                cold.cpuRequestMillisPerPod(), cold.quotaCpuMillisLeft()));
        assertEquals(Duration.ofSeconds(5 + 30 + 4 + 60), plan.leadTime());
        assertEquals(Duration.ofSeconds(30), plan.warmUp());
        assertEquals(4, plan.minScale(), "the same pods, only earlier");
    }

    @Test
    void aMeasuredPerPodMaximumCanNeedMorePods() {
        // 13,300/s at most 2,000/s per pod -> 7 pods, more than the 4 the concurrency asks for
        assertEquals(7, Planner.plan(input(13_300, 2_000, SCAN, OptionalLong.empty())).podsAtPeak());
    }

    @Test
    void maxScaleCapsTheWarmPodsAndSaysSo() {
        Planner.Plan plan = Planner.plan(input(13_300, 2_000, SCAN.withScale(0, 5), OptionalLong.empty()));
        assertEquals(7, plan.podsAtPeak());
        assertEquals(5, plan.minScale());
        assertTrue(plan.cappedByMaxScale());
    }

    @Test
    void theQuotaEitherHoldsTheWarmPodsOrNot() {
        assertTrue(Planner.plan(input(13_300, 0, SCAN, OptionalLong.of(4_000))).fitsQuota());
        Planner.Plan tight = Planner.plan(input(13_300, 0, SCAN, OptionalLong.of(3_999)));
        assertFalse(tight.fitsQuota());
        assertEquals(4_000, tight.cpuMillisNeeded());
    }

    @Test
    void thePlansMinScaleRemovesTheColdStartsOfTheReferenceBurst() {
        Traffic burst = Traffic.referenceBurst(Duration.ofSeconds(30), Duration.ofSeconds(60), 1);
        Planner.Plan plan = Planner.plan(input(13_300, 0, SCAN, OptionalLong.empty()));
        SimulationResult cold = KpaSimulator.run(new KpaSimulator.Input(burst, Duration.ofMillis(20),
                Duration.ofSeconds(5), SCAN, Duration.ofSeconds(120), 0));
        SimulationResult warm = KpaSimulator.run(new KpaSimulator.Input(burst, Duration.ofMillis(20),
                Duration.ofSeconds(5), SCAN.withScale(plan.minScale(), 30), Duration.ofSeconds(120), plan.minScale()));
        assertTrue(cold.coldStartRequests() > 0, "from zero, the first burst requests wait");
        assertEquals(Duration.ofSeconds(5), cold.longestWait());
        assertEquals(0.0, warm.coldStartRequests());
    }

    private static Planner.Plan withP99(double rate, Duration target) {
        Planner.Input in = input(rate, PodCapacity.MEASURED_SCAN_IN_RATE, SCAN, OptionalLong.empty());
        return Planner.plan(new Planner.Input(in.function(), rate, in.serviceTime(), in.maxRatePerPod(), in.settings(),
                in.podStartup(), in.warmUp(), in.margin(), in.cpuRequestMillisPerPod(), in.quotaCpuMillisLeft(), target,
                Planner.STORE_WRITES_PER_SECOND));
    }

    @Test
    void aP99TargetNeedsTheFewestWarmPodsThatKeepTheLatencyUnderIt() {
        // 13,300/s on pods of 5,269/s: 3 pods are 84% busy, 20.1 ms a request; 4 are 63% busy, 20.0 ms
        Planner.Plan loose = withP99(13_300, Duration.ofMillis(100));
        assertEquals(3, loose.podsForP99());
        assertEquals(20.1, loose.p99AtPodsForP99().toNanos() / 1e6, 0.05);
        assertEquals(4, withP99(13_300, Duration.ofNanos(20_050_000)).podsForP99());
        assertEquals(0, withP99(13_300, Duration.ofMillis(19)).podsForP99(), "no pod serves faster than idle");
    }

    @Test
    void theHeadroomIsTheCapacityTheMinScaleLeavesFree() {
        assertEquals(1 - 13_300 / (4 * PodCapacity.MEASURED_SCAN_IN_RATE), withP99(13_300, Duration.ofMillis(100)).headroom(),
                1e-9);
    }

    @Test
    void aPeakAboveTheStoresWriteRateIsBoundByTheStoreNotThePods() {
        assertTrue(withP99(13_300, Duration.ofMillis(100)).storeBound());
        assertFalse(withP99(5_000, Duration.ofMillis(100)).storeBound());
    }
}
