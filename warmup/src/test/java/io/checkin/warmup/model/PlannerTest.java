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

    /** {@code in} for pods that warm up for 30 s before ready, with the ramp that implies (the short form's). */
    private static Planner.Input warmingUp(Planner.Input in) {
        return new Planner.Input(in.function(), in.peakRate(), in.serviceTime(), in.maxRatePerPod(), in.settings(),
                in.podStartup(), Duration.ofSeconds(30), in.margin(), in.cpuRequestMillisPerPod(), in.quotaCpuMillisLeft());
    }

    /** {@code in} with this p99 target and ramp. */
    private static Planner.Input aiming(Planner.Input in, Duration target, WarmUpRamp ramp) {
        return new Planner.Input(in.function(), in.peakRate(), in.serviceTime(), in.maxRatePerPod(), in.settings(),
                in.podStartup(), in.warmUp(), in.margin(), in.cpuRequestMillisPerPod(), in.quotaCpuMillisLeft(), target,
                Planner.STORE_WRITES_PER_SECOND, ramp);
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
        Planner.Plan plan = Planner.plan(warmingUp(cold));
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
        return Planner.plan(aiming(in, target, in.ramp()));
    }

    /** 13,300 scans/s on pods of scan-in's measured rate, up to 30 of them, that ramp up as {@code ramp}. */
    private static Planner.Plan ramping(WarmUpRamp ramp, AutoscalerSettings settings) {
        return Planner.plan(aiming(warmingUp(input(13_300, PodCapacity.MEASURED_SCAN_IN_RATE, settings,
                OptionalLong.empty())), Planner.P99_TARGET, ramp));
    }

    /** The p99 of the plan's step to the peak with {@code pods} pre-warmed, as the plan simulates it. */
    private static Duration stepOn(int pods, WarmUpRamp ramp) {
        return KpaSimulator.run(new KpaSimulator.Input(Traffic.step(0, 13_300, Planner.STEP_AT),
                new PodCapacity(PodCapacity.MEASURED_SCAN_IN_RATE, 0, Duration.ofMillis(20)), ramp,
                Duration.ofSeconds(5 + 30), SCAN.withScale(pods, 30), Planner.SIMULATED, pods, false)).p99();
    }

    @Test
    void preHeatedJvmPodsArePreWarmedInNumbersThatCarryTheStepThroughTheirRamp() {
        Planner.Plan plan = ramping(WarmUpRamp.PREHEATED, SCAN);
        assertEquals(4, plan.podsAtPeak());
        assertTrue(plan.minScale() > plan.podsAtPeak(), "a pod that just turned ready serves a share of its rate");
        assertEquals(plan.podsForRamp(), plan.minScale());
        assertEquals("preheated", plan.ramp());
        assertTrue(plan.p99OfStep().compareTo(Planner.P99_TARGET) <= 0, plan::toString);
        assertEquals(plan.p99OfStep(), stepOn(plan.minScale(), WarmUpRamp.PREHEATED));
        assertTrue(stepOn(plan.minScale() - 1, WarmUpRamp.PREHEATED).compareTo(Planner.P99_TARGET) > 0,
                "one pod fewer misses the target: the fewest that hold it");
        assertTrue(ramping(WarmUpRamp.COLD, SCAN).minScale() > plan.minScale(), "cold pods ramp more slowly");
    }

    @Test
    void nativePodsNeedOnlyThePodsAtThePeak() {
        Planner.Plan plan = ramping(WarmUpRamp.NONE, SCAN);
        assertEquals(4, plan.minScale());
        assertEquals(4, plan.podsForRamp());
        assertTrue(plan.p99OfStep().compareTo(Planner.P99_TARGET) <= 0, plan::toString);
    }

    @Test
    void aWarmUpBeforeReadyMeansPreHeatedPodsAndNoneMeansNativeOnes() {
        Planner.Input in = input(13_300, PodCapacity.MEASURED_SCAN_IN_RATE, SCAN, OptionalLong.empty());
        assertEquals("none", Planner.plan(in).ramp());
        Planner.Plan preheated = Planner.plan(warmingUp(in));
        assertEquals("preheated", preheated.ramp());
        assertEquals(ramping(WarmUpRamp.PREHEATED, SCAN).minScale(), preheated.minScale());
    }

    @Test
    void aTargetNoWarmPodKeepsAddsNoPodsForTheRamp() {
        Planner.Plan plan = Planner.plan(aiming(warmingUp(input(13_300, PodCapacity.MEASURED_SCAN_IN_RATE, SCAN,
                OptionalLong.empty())), Duration.ofMillis(19), WarmUpRamp.PREHEATED));
        assertEquals(0, plan.podsForP99(), "no pod serves faster than idle");
        assertEquals(4, plan.minScale());
        assertFalse(plan.cappedByMaxScale());
    }

    @Test
    void aMaxScaleTooLowForTheRampCapsTheWarmPodsAndSaysSo() {
        Planner.Plan plan = ramping(WarmUpRamp.PREHEATED, SCAN.withScale(0, 5));
        assertEquals(5, plan.minScale());
        assertTrue(plan.cappedByMaxScale());
        assertTrue(plan.podsForRamp() > 5);
        assertTrue(plan.p99OfStep().compareTo(Planner.P99_TARGET) > 0, "the plan shows what the capped pods do");
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
