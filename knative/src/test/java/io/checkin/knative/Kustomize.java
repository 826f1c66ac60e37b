package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What {@code kubectl apply -k} sends: the folder rendered by kubectl's own kustomize ({@code kubectl kustomize}, the
 * same code as {@code apply -k}), parsed into the fabric8 model.
 */
final class Kustomize {

    private Kustomize() {
    }

    static List<HasMetadata> render(Path folder) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", folder.toString()).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + folder + " did not end");
            assertEquals(0, process.exitValue(), "kubectl kustomize " + folder + ": " + err);
            return Arrays.stream(out.split("(?m)^---$")).filter(d -> !d.isBlank())
                    .map(d -> (HasMetadata) Manifests.SERIALIZATION.unmarshal(d)).toList();
        } catch (IOException e) {
            throw new AssertionError("kubectl (with its built-in kustomize, v5 or newer) is needed on the PATH to render "
                    + "the kustomization: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The folder rendered after {@code change} edits one of its files in a copy at {@code copy}. */
    static List<HasMetadata> renderedWith(Path copy, String file, UnaryOperator<String> change) {
        Path changed = copy(copy).resolve(file);
        try {
            String before = Files.readString(changed);
            String after = change.apply(before);
            assertNotEquals(before, after, file + " was not changed");
            Files.writeString(changed, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return render(copy);
    }

    /** The rendered Knative Services, by name. */
    static Map<String, Service> services(List<HasMetadata> rendered) {
        return rendered.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s, (a, b) -> a, TreeMap::new));
    }

    /** The one rendered ConfigMap generated as {@code name} (its name, then a hash). */
    static ConfigMap generated(List<HasMetadata> rendered, String name) {
        List<ConfigMap> found = rendered.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().startsWith(name + "-")).toList();
        assertEquals(1, found.size(), "one generated " + name);
        return found.get(0);
    }

    /** A copy of the manifests' folder (its test sources and build output left out), to change and render. */
    static Path copy(Path target) {
        try (Stream<Path> files = Files.walk(Manifests.DIR)) {
            for (Path file : files.toList()) {
                Path relative = Manifests.DIR.relativize(file);
                if (relative.startsWith("src") || relative.startsWith("target")) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target.resolve(relative.toString()));
                } else {
                    Files.copy(file, target.resolve(relative.toString()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
