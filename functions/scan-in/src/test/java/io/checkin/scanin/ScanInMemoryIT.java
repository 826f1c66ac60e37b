package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.testing.FunctionProcess;
import io.checkin.testing.PodOptions;

/**
 * The packaged scan-in function, started as its container runs it (the image's JVM options, the memory limit of its
 * Knative Service), starts with the shipped settings, and refuses to start, naming the setting, when what it would
 * keep in memory at most does not fit that pod.
 */
class ScanInMemoryIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path work;

    @Test
    void theShippedSettingsFitThePodAndTheStartSaysHowMuchTheyTake() throws Exception {
        List<String> pod = PodOptions.of("11-service-scan-in.yaml");
        assertEquals(List.of("-XX:MaxRAM=256m", "-XX:MinRAMPercentage=40", "-XX:MaxRAMPercentage=40", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"), pod);
        try (FunctionProcess function = FunctionProcess.start(JAR, pod, FunctionProcess.startableConfig(work), work,
                Duration.ofSeconds(60))) {
            String log = function.log();
            assertTrue(log.contains("Bounded structures:") && log.contains("checkin.codes.verified-cache-size: 25000 verified codes")
                    && log.contains("checkin.scan.group-commit.queue-capacity: 4500 scans waiting (4000) or being written (1 writer x 500)"), log);
        }
    }

    @Test
    void aCacheTooLargeForThePodStopsTheStartNamingTheSetting() throws Exception {
        Map<String, String> config = FunctionProcess.startableConfig(work);
        config.put("checkin.codes.verified-cache-size", "200000");
        String failure = FunctionProcess.exitsBeforeReady(JAR, PodOptions.of("11-service-scan-in.yaml"), config, work);
        assertTrue(failure.contains("checkin.codes.verified-cache-size: 200000")
                && failure.contains("checkin.memory.budget-percent"), failure);
    }
}
