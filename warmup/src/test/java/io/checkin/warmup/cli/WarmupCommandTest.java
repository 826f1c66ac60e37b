package io.checkin.warmup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The command line as a user runs it: the planner's answer for the reference peak, as JSON. */
@QuarkusMainTest
class WarmupCommandTest {

    /** 13,300/s x 20 ms = 266 in flight / (100 x 70%) = 4 pods; 5,000/s per pod alone would need only 3. */
    @Test
    @Launch({ "plan", "--function", "scan-in", "--peak", "13300", "--max-rate-per-pod", "5000", "--json" })
    void planPrintsJson(LaunchResult result) {
        String out = result.getOutput();
        assertTrue(out.contains("\"minScale\" : 4"), out);
        assertTrue(out.contains("\"leadTimeSeconds\" : 74"), out);
    }

    /** A JVM scan-in warms up for its 30 s budget before ready: 10 + 30 + 4 + 60 s, in the text and the JSON. */
    @Test
    void planShowsTheWarmUpInsideTheLeadTime(QuarkusMainLauncher launcher) {
        String[] plan = { "plan", "--function", "scan-in", "--peak", "13300", "--warm-up-seconds", "30" };
        String text = launcher.launch(plan).getOutput();
        assertTrue(text.contains("leadTimeSeconds        104\nleadTimeWarmUpSeconds  30\n"), text);
        String json = launcher.launch(Stream.concat(Stream.of(plan), Stream.of("--json")).toArray(String[]::new))
                .getOutput();
        assertTrue(json.contains("\"leadTimeSeconds\" : 104,\n  \"leadTimeWarmUpSeconds\" : 30,"), json);
    }

    /** From zero, the first requests wait for a pod's start-up and then its warm-up. */
    @Test
    @Launch({ "simulate", "--profile", "burst", "--min-scale", "4", "--pod-startup-seconds", "5", "--warm-up-seconds", "30" })
    void simulateStartsPodsAfterTheirWarmUp(LaunchResult result) {
        String cold = result.getOutput().lines().filter(l -> l.startsWith("from zero")).findFirst().orElseThrow();
        assertTrue(cold.matches("from zero\\s+\\d+\\s+35\\.0s.*"), cold);
    }

    @Test
    @Launch(value = { "plan", "--function", "scan-in", "--peak", "13300", "--quota-cpu-millis", "2000" }, exitCode = 3)
    void aPlanThatDoesNotFitTheQuotaFails(LaunchResult result) {
        assertTrue(result.getOutput().contains("fitsQuota              false"), result.getOutput());
    }

    @Test
    @Launch({ "simulate", "--profile", "burst", "--min-scale", "4", "--pod-startup-seconds", "5" })
    void simulateComparesFromZeroWithPrewarmed(LaunchResult result) {
        String[] lines = result.getOutput().lines().filter(l -> l.startsWith("from zero") || l.startsWith("min-scale"))
                .toArray(String[]::new);
        assertEquals(2, lines.length, result.getOutput());
        assertTrue(lines[1].matches("min-scale 4\\s+0\\s+0\\.0s.*"), lines[1]);
    }

    /** From t=30 s, 1,000/s on one pod of 100/s, ready at t=40 s: 30,000 arrive, 2,000 are served. */
    @Test
    @Launch({ "simulate", "--profile", "step", "--peak", "1000", "--max-rate-per-pod", "100", "--max-scale", "1",
            "--ramp", "none", "--seconds", "60" })
    void simulateServesNoMoreThanTheMaxRatePerPod(LaunchResult result) {
        assertTrue(result.getOutput().contains("28000 requests still waiting at the end"), result.getOutput());
    }

    /** scan-in's own 5-minute scale-down delay keeps the burst's pods far longer than Knative's default of none. */
    @Test
    void simulateTakesTheAutoscalerSettingsFromTheServiceManifest(QuarkusMainLauncher launcher) {
        String[] burst = { "simulate", "--profile", "burst", "--seconds", "600", "--ramp", "none" };
        double plain = podSeconds(launcher.launch(Stream.concat(Stream.of(burst), Stream.of("--max-scale", "30",
                "--panic-threshold", "150", "--container-concurrency", "500")).toArray(String[]::new)).getOutput());
        double own = podSeconds(launcher.launch(Stream.concat(Stream.of(burst),
                Stream.of("--service-file", "../knative/11-service-scan-in.yaml")).toArray(String[]::new)).getOutput());
        assertTrue(own > plain + 30 * 240, plain + " then " + own);
    }

    private static double podSeconds(String output) {
        String line = output.lines().filter(l -> l.startsWith("from zero")).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(12).trim().split("\\s+")[2]);
    }

    /** scan-in's manifest caps it at 30 pods: 200,000/s x 20 ms / 70 wants 58. */
    @Test
    @Launch({ "plan", "--function", "scan-in", "--peak", "200000", "--service-file", "../knative/11-service-scan-in.yaml" })
    void planTakesTheAutoscalerSettingsFromTheServiceManifest(LaunchResult result) {
        assertTrue(result.getOutput().contains("podsAtPeak             58\nminScale               30\n"
                + "cappedByMaxScale       true"), result.getOutput());
    }

    /** The reference peak: 3 warm pods keep 100 ms, and the store's 7,000 writes/s bound it before the pods do. */
    @Test
    @Launch({ "plan", "--function", "scan-in", "--peak", "13300" })
    void planReportsThePodsForAP99TargetAndWarnsWhenTheStoreIsTheBound(LaunchResult result) {
        assertTrue(result.getOutput().contains("p99TargetMillis        100\npodsForP99Target       3\n"), result.getOutput());
        assertTrue(result.getErrorOutput().contains("the store, not the pods, bounds this peak"), result.getErrorOutput());
    }

    @Test
    @Launch(value = { "simulate", "--ramp", "lukewarm" }, exitCode = 2)
    void anUnknownRampIsRefusedWithTheOnesThereAre(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("auto, cold, preheated, none"), result.getErrorOutput());
    }
}
