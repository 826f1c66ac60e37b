package io.checkin.local.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the project's modules each module's application is built from, as its pom.xml (and its parent's) says:
 * the project's own dependencies ({@code checkin-*}) outside the test scope, followed to the end.
 */
public final class ModuleGraph {

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);
    private static final Pattern RELATIVE_PATH = Pattern.compile("<relativePath>([^<]+)</relativePath>");
    private static final Pattern MANAGED = Pattern.compile("<dependencyManagement>.*?</dependencyManagement>",
            Pattern.DOTALL);

    private final Path repository;
    private final Map<String, Path> modulesByArtifact = new HashMap<>();

    public ModuleGraph(Path repository, Set<Path> modules) {
        this.repository = repository;
        modules.forEach(module -> modulesByArtifact.put(artifactId(read(repository.resolve(module))), module));
    }

    /** The modules the module's application includes, itself among them. */
    public Set<Path> includedIn(Path module) {
        Set<Path> included = new HashSet<>();
        Deque<Path> next = new ArrayDeque<>(Set.of(module));
        while (!next.isEmpty()) {
            Path current = next.pop();
            if (included.add(current)) {
                dependencies(repository.resolve(current)).stream().map(modulesByArtifact::get)
                        .filter(m -> m != null && !included.contains(m)).forEach(next::push);
            }
        }
        return included;
    }

    /** The project's artifacts a module depends on outside the test scope, its parent's dependencies included. */
    private static Set<String> dependencies(Path moduleFolder) {
        String pom = read(moduleFolder);
        Set<String> artifacts = new HashSet<>();
        Matcher dependency = DEPENDENCY.matcher(MANAGED.matcher(pom).replaceAll(""));
        while (dependency.find()) {
            Matcher artifact = ARTIFACT.matcher(dependency.group(1));
            if (!dependency.group(1).contains("<scope>test</scope>") && artifact.find()
                    && artifact.group(1).startsWith("checkin-")) {
                artifacts.add(artifact.group(1));
            }
        }
        Matcher parent = PARENT.matcher(pom);
        if (parent.find()) {
            Matcher relativePath = RELATIVE_PATH.matcher(parent.group(1));
            Path parentFolder = moduleFolder.resolve(relativePath.find() ? relativePath.group(1) : "../pom.xml")
                    .normalize().getParent();
            if (Files.exists(parentFolder.resolve("pom.xml"))) {
                artifacts.addAll(dependencies(parentFolder));
            }
        }
        return artifacts;
    }

    /** The module's own artifactId: the first one after its parent's. */
    private static String artifactId(String pom) {
        Matcher artifact = ARTIFACT.matcher(pom.substring(Math.max(0, pom.indexOf("</parent>"))));
        if (!artifact.find()) {
            throw new IllegalStateException("a pom.xml without artifactId");
        }
        return artifact.group(1);
    }

    private static String read(Path moduleFolder) {
        try {
            return Files.readString(moduleFolder.resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
