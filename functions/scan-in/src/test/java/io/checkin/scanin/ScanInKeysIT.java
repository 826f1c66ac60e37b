package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.dev.DevKeys;
import io.checkin.testing.FunctionProcess;

/**
 * The packaged scan-in function, deployed with a key template left as it is, never starts (so Knative never routes
 * to it and the rollout stops): it exits, and its log names the setting to fix.
 */
class ScanInKeysIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path work;

    private Map<String, String> config() {
        Map<String, String> config = new HashMap<>(DevKeys.ensure(work.resolve("keys")));
        config.put("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:1");
        return config;
    }

    private void exitsNaming(Map<String, String> config, String setting) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FunctionProcess.start(JAR, config, work, Duration.ofSeconds(60)).close());
        assertTrue(e.getMessage().contains("exited") && e.getMessage().contains(setting)
                && e.getMessage().contains("placeholder"), e.getMessage());
    }

    @Test
    void thePlaceholderCodeKeySetStopsItNamingTheSetting() throws Exception {
        Map<String, String> config = config();
        String template = Files.readString(Path.of("../../knative/05-code-keys.yaml"));
        Files.writeString(Path.of(config.get("checkin.codes.verification-keys-location")),
                template.substring(template.indexOf("{\"keys\""), template.lastIndexOf('}') + 1));
        exitsNaming(config, "checkin.codes.verification-keys-location");
    }

    @Test
    void thePlaceholderTokenKeyStopsItNamingTheSetting() throws Exception {
        Map<String, String> config = config();
        String template = Files.readString(Path.of("../../knative/03-secret-jwt.yaml"));
        Files.writeString(Path.of(config.get("mp.jwt.verify.publickey.location")),
                template.substring(template.indexOf("-----BEGIN PUBLIC KEY-----")));
        exitsNaming(config, "mp.jwt.verify.publickey.location");
    }
}
