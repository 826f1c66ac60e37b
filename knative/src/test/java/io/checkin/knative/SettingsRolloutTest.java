package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

/**
 * A function reads its settings into its environment when a pod starts, so a changed setting must make new Revisions:
 * 01-config.env is generated into a ConfigMap named by a hash of its content, and each Service that reads it names that
 * ConfigMap. Rendered by kubectl's kustomize, as {@code kubectl apply -k} does.
 */
class SettingsRolloutTest {

    private static final String SETTINGS = "checkin-config";

    /** Every ConfigMap a Service's template names: its volumes' and its environment's. */
    private static Set<String> configMapsRead(Service service) {
        var spec = service.getSpec().getTemplate().getSpec();
        Stream<String> volumes = spec.getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .map(v -> v.getConfigMap().getName());
        Stream<String> env = spec.getContainers().stream().flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                .map(e -> e.getValueFrom().getConfigMapKeyRef().getName());
        return Stream.concat(volumes, env).collect(Collectors.toSet());
    }

    @Test
    void aChangedSettingRollsEveryServiceThatReadsItAndNothingElse(@TempDir Path copy) {
        List<HasMetadata> before = Kustomize.render(Manifests.DIR);
        List<HasMetadata> after = Kustomize.renderedWith(copy, "01-config.env",
                env -> env.replace("scan-rate-limit-per-minute=20", "scan-rate-limit-per-minute=30"));
        String oldName = Kustomize.generated(before, SETTINGS).getMetadata().getName();
        String newName = Kustomize.generated(after, SETTINGS).getMetadata().getName();
        assertNotEquals(oldName, newName);
        assertEquals("30", Kustomize.generated(after, SETTINGS).getData().get("scan-rate-limit-per-minute"));

        Map<String, Service> old = Kustomize.services(before);
        Map<String, Service> rolled = Kustomize.services(after);
        assertEquals(old.keySet(), rolled.keySet());
        assertTrue(configMapsRead(old.get("page")).contains(oldName), "the page reads the functions' URLs from the settings");
        for (String name : old.keySet()) {
            if (configMapsRead(old.get(name)).contains(oldName)) {
                assertTrue(configMapsRead(rolled.get(name)).contains(newName), name);
                assertNotEquals(old.get(name).getSpec().getTemplate(), rolled.get(name).getSpec().getTemplate(), name);
            } else {
                assertEquals(old.get(name).getSpec().getTemplate(), rolled.get(name).getSpec().getTemplate(), name);
            }
        }
        assertEquals(cronJob(before), cronJob(after), "the warmup CronJob reads no setting: it stays as it is");
    }

    @Test
    void everyConfigMapAServiceReadsIsOneThatIsApplied() {
        List<HasMetadata> rendered = Kustomize.render(Manifests.DIR);
        Set<String> applied = rendered.stream().filter(ConfigMap.class::isInstance).map(r -> r.getMetadata().getName())
                .collect(Collectors.toSet());
        for (Service service : Kustomize.services(rendered).values()) {
            assertTrue(!configMapsRead(service).isEmpty(), service.getMetadata().getName());
            configMapsRead(service).forEach(name -> assertTrue(applied.contains(name),
                    service.getMetadata().getName() + " reads " + name + ", which apply -k does not create"));
        }
    }

    /**
     * What a Revision names is what its pods read: a generated ConfigMap cannot be edited under it, and none is also
     * applied under its bare name, which nothing would roll.
     */
    @Test
    void everyGeneratedConfigMapIsImmutableAndAppliedOnlyUnderItsHashedName() {
        List<HasMetadata> rendered = Kustomize.render(Manifests.DIR);
        List<ConfigMap> generated = Manifests.generated();
        assertEquals(Set.of(SETTINGS, "checkin-code-keys"), generated.stream().map(c -> c.getMetadata().getName())
                .collect(Collectors.toSet()));
        for (ConfigMap source : generated) {
            String name = source.getMetadata().getName();
            ConfigMap applied = Kustomize.generated(rendered, name);
            assertEquals(Boolean.TRUE, applied.getImmutable(), name);
            assertEquals(source.getData(), applied.getData(), name);
            assertTrue(rendered.stream().noneMatch(r -> r.getMetadata().getName().equals(name)), name);
        }
    }

    private static CronJob cronJob(List<HasMetadata> rendered) {
        return rendered.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).findFirst().orElseThrow();
    }
}
