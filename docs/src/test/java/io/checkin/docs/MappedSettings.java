package io.checkin.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

/**
 * The {@code checkin.*} settings, as the code reads them: every {@code @ConfigMapping} interface in the compiled classes
 * of each deployable's modules, its keys and defaults from SmallRye Config's own metadata of the mapping, its meaning
 * the first sentence of the key's Javadoc.
 */
final class MappedSettings {

    private MappedSettings() {
    }

    /** Every key, sorted, with the deployables that read it (in their order) and, per extra reader, its keys' env. */
    static List<Setting> read(Reactor reactor, Map<String, Set<String>> extraReadersByEnv) {
        Map<Class<?>, Set<String>> readers = new LinkedHashMap<>();
        Map<Class<?>, Path> modules = new LinkedHashMap<>();
        reactor.deployables().forEach((name, artifactId) -> {
            for (String module : reactor.runtimeClosure(artifactId)) {
                for (Class<?> mapping : mappings(reactor.dir(module))) {
                    readers.computeIfAbsent(mapping, m -> new LinkedHashSet<>()).add(name);
                    modules.put(mapping, reactor.dir(module));
                }
            }
        });
        Map<String, Setting> settings = new TreeMap<>();
        readers.forEach((mapping, names) -> {
            for (Map.Entry<String, Property> entry : ConfigMappings.getProperties(ConfigClass.configClass(mapping))
                    .entrySet()) {
                String key = entry.getKey();
                Property property = entry.getValue();
                List<String> readBy = new ArrayList<>(names);
                readBy.addAll(extraReadersByEnv.getOrDefault(Setting.env(key), Set.of()));
                settings.merge(key, new Setting(key, defaultOf(property), Setting.env(key), readBy,
                        Javadoc.firstSentence(modules.get(mapping), property.getMethod())), (a, b) -> {
                            throw new IllegalStateException(key + " is read by two mappings");
                        });
            }
        });
        return List.copyOf(settings.values());
    }

    private static String defaultOf(Property property) {
        Property value = property.isOptional() ? property.asOptional().getNestedProperty() : property;
        if (value.hasDefaultValue()) {
            return "`" + value.getDefaultValue() + "`";
        }
        return property.isOptional() ? "none" : "required";
    }

    /** The {@code checkin.*} mapping interfaces among a module's compiled classes. */
    private static List<Class<?>> mappings(Path moduleDir) {
        Path classes = moduleDir.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            if (Files.isDirectory(moduleDir.resolve("src/main/java"))) {
                throw new IllegalStateException(classes + " is missing: build the reactor first (./mvnw verify)");
            }
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).map(f -> load(classes, f))
                    .filter(c -> c.isAnnotationPresent(ConfigMapping.class))
                    .filter(c -> c.getAnnotation(ConfigMapping.class).prefix().startsWith("checkin."))
                    .<Class<?>>map(c -> c).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(Path classes, Path file) {
        String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
            return Class.forName(name, false, MappedSettings.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot load " + name + " of " + classes, e);
        }
    }
}
