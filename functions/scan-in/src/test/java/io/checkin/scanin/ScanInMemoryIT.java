package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.dev.DevKeys;
import io.checkin.testing.FunctionProcess;

/**
 * The packaged scan-in function, started as its container runs it (the image's JVM options, the memory limit of its
 * Knative Service), starts with the shipped settings, and refuses to start, naming the setting, when what it would
 * keep in memory at most does not fit that pod.
 */
class ScanInMemoryIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path work;

    /** The image's JVM options and the Service's memory limit, read where they are set. */
    static List<String> asItsPod() throws Exception {
        Properties core = new Properties();
        try (var in = Files.newInputStream(Path.of("../../shared/core/src/main/resources/META-INF/microprofile-config.properties"))) {
            core.load(in);
        }
        String manifest = Files.readString(Path.of("../../knative/11-service-scan-in.yaml"));
        Matcher limit = Pattern.compile("limits:\\s*\\n\\s*memory:\\s*(\\d+)Mi").matcher(manifest);
        assertTrue(limit.find(), "the Service sets a memory limit in Mi");
        List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + limit.group(1) + "m"));
        options.addAll(List.of(core.getProperty("quarkus.jib.jvm-additional-arguments").split(",")));
        return options;
    }

    private Map<String, String> config() {
        Map<String, String> config = new HashMap<>(DevKeys.ensure(work.resolve("keys")));
        config.put("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:1");
        return config;
    }

    @Test
    void theShippedSettingsFitThePodAndTheStartSaysHowMuchTheyTake() throws Exception {
        List<String> pod = asItsPod();
        assertEquals(List.of("-XX:MaxRAM=256m", "-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"), pod);
        try (FunctionProcess function = FunctionProcess.start(JAR, pod, config(), work, Duration.ofSeconds(60))) {
            String log = function.log();
            assertTrue(log.contains("Bounded structures:") && log.contains("checkin.codes.verified-cache-size: 30000 verified codes")
                    && log.contains("checkin.scan.group-commit.queue-capacity: 7000 scans waiting (5000) or being written"), log);
        }
    }

    @Test
    void aCacheTooLargeForThePodStopsTheStartNamingTheSetting() throws Exception {
        Map<String, String> config = config();
        config.put("checkin.codes.verified-cache-size", "200000");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FunctionProcess.start(JAR, asItsPod(), config, work, Duration.ofSeconds(60)).close());
        assertTrue(e.getMessage().contains("exited") && e.getMessage().contains("checkin.codes.verified-cache-size: 200000")
                && e.getMessage().contains("checkin.memory.budget-percent"), e.getMessage());
    }
}
