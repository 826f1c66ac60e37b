package io.checkin.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.testing.FunctionProcess;
import io.checkin.testing.PodOptions;

/**
 * The packaged generate-code function, started as its container runs it, has room for the images it renders at once
 * within its pod's heap, and refuses to start, naming the setting, when that room would not fit.
 */
class GenerateCodeMemoryIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String MANIFEST = "10-service-generate-code.yaml";

    @TempDir
    Path work;

    private Map<String, String> config() {
        Map<String, String> config = FunctionProcess.startableConfig(work);
        config.put("checkin.codes.public-base-url", "https://checkin.example.org");
        return config;
    }

    @Test
    void theShippedSettingsFitThePodAndTheStartSaysHowLargeImagesGet() throws Exception {
        try (FunctionProcess function = FunctionProcess.start(JAR, PodOptions.of(MANIFEST), config(), work,
                Duration.ofSeconds(60))) {
            String log = function.log();
            log.lines().filter(l -> l.contains("Largest renderings") || l.contains("Bounded structures"))
                    .forEach(System.out::println);
            assertTrue(log.contains("Bounded structures:") && log.contains("checkin.generate.render-memory: ")
                    && log.contains("Largest renderings: {SVG="), log);
        }
    }

    @Test
    void roomForMoreImagesThanThePodHoldsStopsTheStartNamingTheSetting() throws Exception {
        Map<String, String> config = config();
        config.put("checkin.generate.render-memory", "64M");
        String failure = FunctionProcess.exitsBeforeReady(JAR, PodOptions.of(MANIFEST), config, work);
        assertTrue(failure.contains("checkin.generate.render-memory: 67108864")
                && failure.contains("checkin.memory.budget-percent"), failure);
    }
}
