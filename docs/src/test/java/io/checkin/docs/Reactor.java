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
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The project's modules as its poms declare them: where each lives, what each needs at run time, and the deployables
 * (every module under functions/, and the check-in page).
 */
final class Reactor {

    /** The repository: this module is its docs/ folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final String GROUP = "io.checkin";
    static final String PAGE = "page";

    private final Map<String, Path> dirs = new LinkedHashMap<>();
    private final Map<String, List<String>> needs = new LinkedHashMap<>();
    private final Map<String, List<String>> extensions = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();

    Reactor() {
        read(ROOT);
    }

    /** The function modules, by the folder names under functions/ (which are also their application names). */
    static List<String> functionNames() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).map(d -> d.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every deployable that reads settings (the functions, then the page), by name, with its module's artifactId. */
    Map<String, String> deployables() {
        Map<String, String> deployables = new LinkedHashMap<>();
        for (String name : functionNames()) {
            deployables.put(name, artifactOf(ROOT.resolve("functions").resolve(name)));
        }
        deployables.put(PAGE, artifactOf(ROOT.resolve(PAGE)));
        return deployables;
    }

    /** The module and every project module it needs at run time (test scope left out), nearest first. */
    Set<String> runtimeClosure(String artifactId) {
        Set<String> closure = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(artifactId));
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (closure.add(next)) {
                for (String module = next; module != null; module = parents.get(module)) {
                    queue.addAll(needs.getOrDefault(module, List.of()));
                }
            }
        }
        return closure;
    }

    Path dir(String artifactId) {
        Path dir = dirs.get(artifactId);
        if (dir == null) {
            throw new IllegalArgumentException("No module " + artifactId + " in " + ROOT);
        }
        return dir;
    }

    private String artifactOf(Path dir) {
        return dirs.entrySet().stream().filter(e -> e.getValue().equals(dir)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException(dir + " is not a module of the build"));
    }

    private void read(Path dir) {
        Element pom = pom(dir.resolve("pom.xml"));
        String artifactId = child(pom, "artifactId");
        dirs.put(artifactId, dir);
        Element parent = element(pom, "parent");
        if (parent != null) {
            parents.put(artifactId, child(parent, "artifactId"));
        }
        List<String> runtime = new ArrayList<>();
        List<String> quarkus = new ArrayList<>();
        for (Element dependency : runtimeDependencies(pom)) {
            String group = child(dependency, "groupId");
            if (GROUP.equals(group) && child(dependency, "type") == null) {
                runtime.add(child(dependency, "artifactId"));
            } else if (QuarkusExtensions.GROUP.equals(group) || "${quarkus.platform.group-id}".equals(group)) {
                quarkus.add(child(dependency, "artifactId"));
            }
        }
        needs.put(artifactId, runtime);
        extensions.put(artifactId, quarkus);
        Element modules = element(pom, "modules");
        for (Element module : children(modules, "module")) {
            read(dir.resolve(module.getTextContent().trim()).normalize());
        }
    }

    /** The Quarkus artifacts a deployable's modules (and their parents) name as run-time dependencies. */
    Set<String> quarkusDependencies(String artifactId) {
        Set<String> found = new LinkedHashSet<>();
        for (String module : runtimeClosure(artifactId)) {
            for (String each = module; each != null; each = parents.get(each)) {
                found.addAll(extensions.getOrDefault(each, List.of()));
            }
        }
        return found;
    }

    /** A pom's dependencies (not its dependencyManagement's) that are needed at run time: no test, provided or optional. */
    static List<Element> runtimeDependencies(Element pom) {
        List<Element> found = new ArrayList<>();
        for (Element dependency : children(element(pom, "dependencies"), "dependency")) {
            String scope = child(dependency, "scope");
            if (!"test".equals(scope) && !"provided".equals(scope) && !"true".equals(child(dependency, "optional"))) {
                found.add(dependency);
            }
        }
        return found;
    }

    static String child(Element parent, String name) {
        Element found = element(parent, name);
        return found == null ? null : found.getTextContent().trim();
    }

    static Element pom(java.io.InputStream in) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read a pom", e);
        }
    }

    private static Element pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static Element element(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }
}
