package io.checkin.local.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The repository's Maven modules with Java sources: each one's folder, and its {@code src/main/java} files. */
public record SourceModules(Path repository, List<Path> mainSources) {

    private static final Path FUNCTIONS = Path.of("functions");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Path MAIN = Path.of("src", "main", "java");
    /** Build output, downloaded packages and local data: no sources of the project's own. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", "data");

    public static SourceModules of(Path repository) {
        List<Path> sources = new ArrayList<>();
        try {
            Files.walkFileTree(repository, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    return SKIPPED.contains(name) || (name.startsWith(".") && !dir.equals(repository))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.toString().endsWith(".java") && file.toString().contains("/" + MAIN + "/")) {
                        sources.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceModules(repository, sources.stream().sorted().toList());
    }

    /** The modules of functions/pom.xml: each builds one function's application (shared/ holds what they share). */
    public static Set<Path> functionModules(Path repository) {
        try {
            Matcher module = MODULE.matcher(Files.readString(repository.resolve(FUNCTIONS).resolve("pom.xml")));
            Set<Path> modules = new TreeSet<>();
            while (module.find()) {
                modules.add(FUNCTIONS.resolve(module.group(1)));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every module with main sources. */
    public Set<Path> modules() {
        return mainSources.stream().map(this::moduleOf).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The module folder of a source file: the folder above its {@code src/main/java}. */
    public Path moduleOf(Path source) {
        for (Path p = source.getParent(); p != null; p = p.getParent()) {
            if (p.endsWith(MAIN)) {
                return repository.relativize(p.getParent().getParent().getParent());
            }
        }
        throw new IllegalArgumentException(source + " is not a main source");
    }

    /** The module whose sources declare the class (a nested class by its outer one), or null. */
    public Path moduleOf(String className) {
        String outer = className.split("\\$", 2)[0];
        String file = "/" + MAIN + "/" + outer.replace('.', '/') + ".java";
        return mainSources.stream().filter(f -> f.toString().endsWith(file)).findFirst().map(this::moduleOf)
                .orElse(null);
    }
}
