package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * A changed code key set rolls the functions that read it: what {@code kubectl apply -k} sends names the set by a hash
 * of its content, so a new set changes the scan functions' templates (new Revisions, whose pods read it at start) and
 * no other Service's. Rendered by kubectl's kustomize, as apply does.
 */
class CodeKeyRotationTest {

    private static final String KEY_SET = "checkin-code-keys";
    private static final String KEY_FILE = "code-keys.jwks.json";
    private static final String LOCATION = ConfigKeys.env("checkin.codes.verification-keys-location");
    private static final String NEXT_KEY = """
            {"kty":"EC","crv":"P-256","kid":"next","x":"REPLACE","y":"REPLACE","use":"sig","alg":"ES256"}""";

    private static List<String> configMapVolumes(Service service) {
        return service.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .map(Volume::getConfigMap).map(c -> c.getName()).filter(n -> n.startsWith(KEY_SET)).toList();
    }

    /** The Services whose function is told where the key set is: the ones that must roll when it changes. */
    private static Set<String> keyReaders(Map<String, Service> services) {
        return services.values().stream().filter(s -> s.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().anyMatch(e -> e.getName().equals(LOCATION))).map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    @Test
    void aNewKeySetGivesTheScanFunctionsNewTemplatesAndNoOtherService(@TempDir Path copy) {
        List<HasMetadata> before = Kustomize.render(Manifests.DIR);
        List<HasMetadata> after = Kustomize.renderedWith(copy, KEY_FILE,
                set -> set.replaceFirst("\\]\\}\\s*$", "," + NEXT_KEY + "]}\n"));
        String oldSet = Kustomize.generated(before, KEY_SET).getMetadata().getName();
        String newSet = Kustomize.generated(after, KEY_SET).getMetadata().getName();
        assertNotEquals(oldSet, newSet, "the set's name follows its content");
        assertTrue(Kustomize.generated(after, KEY_SET).getData().get(KEY_FILE).contains("\"kid\":\"next\""));

        Map<String, Service> old = Kustomize.services(before);
        Map<String, Service> rolled = Kustomize.services(after);
        assertEquals(Set.of("scan-in", "scan-out"), keyReaders(old));
        assertEquals(old.keySet(), rolled.keySet());
        for (String name : old.keySet()) {
            if (keyReaders(old).contains(name)) {
                assertEquals(List.of(oldSet), configMapVolumes(old.get(name)), name);
                assertEquals(List.of(newSet), configMapVolumes(rolled.get(name)), name);
                assertNotEquals(old.get(name).getSpec().getTemplate(), rolled.get(name).getSpec().getTemplate(),
                        name + ": a new template, so a new Revision");
            } else {
                assertEquals(old.get(name).getSpec().getTemplate(), rolled.get(name).getSpec().getTemplate(),
                        name + " does not read the key set: it must not roll");
            }
        }
    }
}
