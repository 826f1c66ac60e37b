package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        return FunctionProcess.startableConfig(work);
    }

    private void exitsNaming(Map<String, String> config, String setting) throws Exception {
        String failure = FunctionProcess.exitsBeforeReady(JAR, List.of(), config, work);
        assertTrue(failure.contains(setting) && failure.contains("placeholder"), failure);
    }

    @Test
    void thePlaceholderCodeKeySetStopsItNamingTheSetting() throws Exception {
        Map<String, String> config = config();
        String template = Files.readString(Path.of("../../knative/code-keys.jwks.json"));
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
