package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.knative.serving.v1.RevisionTemplateSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
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

    private static ConfigMap keySet(List<HasMetadata> rendered) {
        List<ConfigMap> sets = rendered.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().startsWith(KEY_SET + "-")).toList();
        assertEquals(1, sets.size(), "one generated key set");
        return sets.get(0);
    }

    private static Map<String, Service> services(List<HasMetadata> rendered) {
        return rendered.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s, (a, b) -> a, TreeMap::new));
    }

    private static List<String> configMapVolumes(Service service) {
        return service.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .map(Volume::getConfigMap).map(c -> c.getName()).toList();
    }

    /** The Services whose function is told where the key set is: the ones that must roll when it changes. */
    private static Set<String> keyReaders(Map<String, Service> services) {
        return services.values().stream().filter(s -> s.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().anyMatch(e -> e.getName().equals(LOCATION))).map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    private static List<HasMetadata> renderedWithANewKey(Path copy) throws Exception {
        Path keys = Kustomize.copy(copy).resolve(KEY_FILE);
        String set = Files.readString(keys);
        Files.writeString(keys, set.replaceFirst("\\]\\}\\s*$", "," + NEXT_KEY + "]}\n"));
        assertTrue(Files.readString(keys).contains("\"kid\":\"next\""), "the key was added");
        return Kustomize.render(copy);
    }

    @Test
    void aNewKeySetGivesTheScanFunctionsNewTemplatesAndNoOtherService(@TempDir Path copy) throws Exception {
        List<HasMetadata> before = Kustomize.render(Manifests.DIR);
        List<HasMetadata> after = renderedWithANewKey(copy);
        String oldSet = keySet(before).getMetadata().getName();
        String newSet = keySet(after).getMetadata().getName();
        assertNotEquals(oldSet, newSet, "the set's name follows its content");
        assertTrue(keySet(after).getData().get(KEY_FILE).contains("\"kid\":\"next\""));

        Map<String, Service> old = services(before);
        Map<String, Service> rolled = services(after);
        assertEquals(Set.of("scan-in", "scan-out"), keyReaders(old));
        assertEquals(old.keySet(), rolled.keySet());
        for (String name : old.keySet()) {
            RevisionTemplateSpec was = old.get(name).getSpec().getTemplate();
            RevisionTemplateSpec is = rolled.get(name).getSpec().getTemplate();
            if (keyReaders(old).contains(name)) {
                assertEquals(List.of(oldSet), configMapVolumes(old.get(name)), name);
                assertEquals(List.of(newSet), configMapVolumes(rolled.get(name)), name);
                assertNotEquals(was, is, name + ": a new template, so a new Revision");
            } else {
                assertEquals(was, is, name + " does not read the key set: it must not roll");
            }
        }
    }

    @Test
    void everyConfigMapAServiceMountsIsOneThatIsApplied() {
        List<HasMetadata> rendered = Kustomize.render(Manifests.DIR);
        Set<String> applied = rendered.stream().filter(ConfigMap.class::isInstance).map(r -> r.getMetadata().getName())
                .collect(Collectors.toSet());
        for (Service service : services(rendered).values()) {
            configMapVolumes(service).forEach(name -> assertTrue(applied.contains(name),
                    service.getMetadata().getName() + " mounts " + name + ", which apply -k does not create"));
        }
    }

    /** The set a Revision mounts is the set each of its pods read at start: it cannot be edited under it. */
    @Test
    void theKeySetCannotChangeOnceApplied() {
        ConfigMap set = keySet(Kustomize.render(Manifests.DIR));
        assertEquals(Boolean.TRUE, set.getImmutable());
        assertEquals(Manifests.generated().stream().filter(c -> c.getMetadata().getName().equals(KEY_SET)).findFirst()
                .orElseThrow().getData(), set.getData());
        assertFalse(Manifests.files().stream().anyMatch(f -> Manifests.parse(f).getMetadata().getName().equals(KEY_SET)),
                "the set is generated only, never applied under its bare name as well");
    }
}
