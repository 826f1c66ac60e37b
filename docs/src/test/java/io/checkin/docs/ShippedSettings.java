package io.checkin.docs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a deployable's own files set: its module's {@code application.properties} (ordinal 250) over the
 * {@code META-INF/microprofile-config.properties} of each module it runs (ordinal 100). Profile keys ({@code %local.})
 * are the local stack's and left out.
 */
final class ShippedSettings {

    private ShippedSettings() {
    }

    static Map<String, String> of(Reactor reactor, String artifactId) {
        Map<String, String> values = new HashMap<>();
        Map<String, Path> from = new HashMap<>();
        for (String module : reactor.runtimeClosure(artifactId)) {
            Path file = reactor.dir(module).resolve("src/main/resources/META-INF/microprofile-config.properties");
            load(file).forEach((key, value) -> {
                Path other = from.put(key, file);
                if (other != null && !value.equals(values.get(key))) {
                    throw new IllegalStateException(key + " is set twice at one ordinal: " + other + ", " + file);
                }
                values.put(key, value);
            });
        }
        values.putAll(load(reactor.dir(artifactId).resolve("src/main/resources/application.properties")));
        return values;
    }

    private static Map<String, String> load(Path file) {
        Map<String, String> values = new HashMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                    .forEach(k -> values.put(k, properties.getProperty(k)));
        }
        return values;
    }
}
