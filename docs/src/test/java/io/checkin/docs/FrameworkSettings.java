package io.checkin.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Quarkus and MicroProfile settings as the deployables have them: for a key, the deployables that run the
 * extension it belongs to, what each one's files set it to (else the extension's default), and its environment
 * variable.
 */
final class FrameworkSettings {

    /** MicroProfile JWT's keys are read by smallrye-jwt, which the JWT extension brings. */
    private static final Map<String, String> UNMODELLED = Map.of("mp.jwt.", "quarkus-smallrye-jwt", "smallrye.jwt.",
            "quarkus-smallrye-jwt");

    private final QuarkusExtensions quarkus = new QuarkusExtensions();
    private final Map<String, Set<String>> extensions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> shipped = new LinkedHashMap<>();

    FrameworkSettings(Reactor reactor) {
        reactor.deployables().forEach((name, artifactId) -> {
            extensions.put(name, QuarkusExtensions.closure(reactor.quarkusDependencies(artifactId)));
            shipped.put(name, ShippedSettings.of(reactor, artifactId));
        });
    }

    /** What the deployables' files set, by key, for every deployable that sets it. */
    Map<String, Map<String, String>> shipped() {
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        shipped.forEach((name, values) -> values.forEach(
                (key, value) -> byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name, value)));
        return byKey;
    }

    /** Whether the key is fixed when the application is built (setting it at run time changes nothing). */
    boolean buildTime(String key) {
        return quarkus.find(key).map(QuarkusExtensions.Key::buildTime).orElse(false);
    }

    /**
     * The start of the key's row, up to its meaning: key, value per deployable, environment variable, readers; empty
     * when no deployable reads the key.
     */
    Optional<String> rowStart(String key) {
        Optional<QuarkusExtensions.Key> modelled = quarkus.find(key);
        String extension = modelled.map(QuarkusExtensions.Key::extension).orElseGet(() -> UNMODELLED.entrySet()
                .stream().filter(e -> key.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null));
        List<String> readers = new ArrayList<>();
        extensions.forEach((name, runs) -> {
            if (runs.contains(extension)) {
                readers.add(name);
            }
        });
        if (readers.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        for (String reader : readers) {
            String value = shipped.get(reader).get(key);
            if (value == null) {
                value = modelled.map(QuarkusExtensions.Key::defaultValue).orElse(null);
            }
            byValue.computeIfAbsent(value == null ? "none" : "`" + value.replace("|", "\\|") + "`",
                    v -> new ArrayList<>()).add(reader);
        }
        String values = byValue.size() == 1 ? byValue.keySet().iterator().next()
                : String.join("; ", byValue.entrySet().stream()
                        .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList());
        return Optional.of("| `" + key + "` | " + values + " | `" + Setting.env(key) + "` | " + String.join(", ", readers)
                + " | ");
    }
}
