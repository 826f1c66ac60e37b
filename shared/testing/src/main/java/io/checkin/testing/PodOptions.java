package io.checkin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options a function's container runs with, read where they are set: the image's options
 * ({@code quarkus.jib.jvm-additional-arguments}, checkin-core) and its Knative Service's memory limit as the machine's
 * memory ({@code -XX:MaxRAM}), so that a test starts the packaged function as its pod would.
 */
public final class PodOptions {

    private static final Path CORE_CONFIG = Path.of("shared/core/src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern MEMORY_LIMIT = Pattern.compile("limits:\\s*\\n\\s*memory:\\s*(\\d+)Mi");

    private PodOptions() {
    }

    /** For the Service in {@code knative/<manifest>}, from a function module's directory (two levels down). */
    public static List<String> of(String manifest) throws IOException {
        Path root = Path.of("../..");
        Properties core = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve(CORE_CONFIG))) {
            core.load(in);
        }
        Matcher limit = MEMORY_LIMIT.matcher(Files.readString(root.resolve("knative").resolve(manifest)));
        if (!limit.find()) {
            throw new IllegalStateException(manifest + " sets no memory limit in Mi");
        }
        List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + limit.group(1) + "m"));
        options.addAll(List.of(core.getProperty("quarkus.jib.jvm-additional-arguments").split(",")));
        return options;
    }
}
