package io.checkin.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Quarkus's own settings, from the config model every extension jar carries
 * ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}: each key, its default and environment variable),
 * and which extensions a deployable runs (its modules' Quarkus dependencies and theirs, from the jars' poms).
 */
final class QuarkusExtensions {

    static final String GROUP = "io.quarkus";
    private static final ClassLoader LOADER = QuarkusExtensions.class.getClassLoader();

    /**
     * One key of an extension's config model; {@code pattern} matches it with any name in its named segments (a map's
     * key: quoted, or one segment without dots, as {@code global} in {@code quarkus.fault-tolerance.global.*}).
     */
    record Key(String extension, Pattern pattern, String defaultValue, boolean buildTime) {
    }

    private final List<Key> keys = new ArrayList<>();

    QuarkusExtensions() {
        try {
            ObjectMapper json = new ObjectMapper();
            for (URL model : Collections.list(LOADER.getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
                for (JsonNode root : json.readTree(model).path("configRoots")) {
                    collect(root.path("extension").path("artifactId").asText(), root.path("items"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's entry for a key, if an extension defines it: a key by its own name before a map's entry. */
    Optional<Key> find(String key) {
        return keys.stream().filter(k -> k.pattern().pattern().equals(Pattern.quote(key))).findFirst()
                .or(() -> keys.stream().filter(k -> k.pattern().matcher(key).matches()).findFirst());
    }

    /** The Quarkus artifacts these need at run time, themselves included, as their poms say. */
    static Set<String> closure(Set<String> artifacts) {
        Set<String> closure = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(artifacts);
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (closure.add(next)) {
                queue.addAll(dependencies(next));
            }
        }
        return closure;
    }

    private static List<String> dependencies(String artifactId) {
        List<String> found = new ArrayList<>();
        try (InputStream in = LOADER.getResourceAsStream("META-INF/maven/" + GROUP + "/" + artifactId + "/pom.xml")) {
            if (in != null) {
                for (Element dependency : Reactor.runtimeDependencies(Reactor.pom(in))) {
                    if (GROUP.equals(Reactor.child(dependency, "groupId"))) {
                        found.add(Reactor.child(dependency, "artifactId"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private void collect(String extension, JsonNode items) {
        for (JsonNode item : items) {
            JsonNode path = item.path("path");
            if (path.has("property")) {
                String property = path.path("property").asText();
                String pattern = Pattern.quote(property).replaceAll("\"[^\"]*\"", "\\\\E(?:\"[^\"]+\"|[^.\"]+)\\\\Q");
                keys.add(new Key(extension, Pattern.compile(pattern),
                        item.hasNonNull("defaultValue") ? item.path("defaultValue").asText() : null,
                        item.path("phase").asText().startsWith("BUILD")));
            }
            collect(extension, item.path("items"));
        }
    }
}
