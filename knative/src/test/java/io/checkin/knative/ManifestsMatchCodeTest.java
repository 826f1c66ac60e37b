package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.checkin.page.PageConfig;
import io.checkin.scan.ScanConfig;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.WithDefault;

/** The manifests say what the code reads: names, keys, ports, paths and files line up. */
class ManifestsMatchCodeTest {

    private static final String PAGE = "page";
    private static final String JWT_KEY_DEFAULT = "/var/run/secrets/checkin/jwt/public-key.pem";

    @Test
    void eachFunctionModuleAndThePageHaveExactlyOneServiceAndEachServiceAModule() {
        List<String> services = Manifests.services().stream().map(s -> s.getMetadata().getName()).sorted().toList();
        List<String> modules = new ArrayList<>(Manifests.functionModules());
        modules.add(PAGE);
        modules.sort(null);
        assertEquals(modules, services);
    }

    @Test
    void everyEnvironmentVariableSetsAKeyTheCodeReads() {
        Set<String> known = ConfigKeys.all().stream().map(ConfigKeys::env).collect(Collectors.toSet());
        for (Service service : Manifests.services()) {
            for (EnvVar env : container(service).getEnv()) {
                assertTrue(known.contains(env.getName()), service.getMetadata().getName() + ": " + env.getName()
                        + " sets no configuration key the code reads");
            }
        }
    }

    @Test
    void everyReferencedSecretAndConfigMapKeyExists() {
        Map<String, Set<String>> secrets = Manifests.ofKind(Secret.class).stream().collect(Collectors.toMap(
                s -> s.getMetadata().getName(), s -> keys(s.getStringData(), s.getData())));
        Map<String, Set<String>> configMaps = Manifests.ofKind(ConfigMap.class).stream().collect(Collectors.toMap(
                c -> c.getMetadata().getName(), c -> keys(c.getData(), null)));
        for (Service service : Manifests.services()) {
            for (EnvVar env : container(service).getEnv()) {
                if (env.getValueFrom() == null) {
                    continue;
                }
                var secret = env.getValueFrom().getSecretKeyRef();
                var config = env.getValueFrom().getConfigMapKeyRef();
                if (secret != null) {
                    assertTrue(secrets.getOrDefault(secret.getName(), Set.of()).contains(secret.getKey()), env.getName());
                } else {
                    assertTrue(configMaps.getOrDefault(config.getName(), Set.of()).contains(config.getKey()), env.getName());
                }
            }
            for (Volume volume : service.getSpec().getTemplate().getSpec().getVolumes()) {
                boolean exists = volume.getEmptyDir() != null
                        || (volume.getSecret() != null ? secrets.containsKey(volume.getSecret().getSecretName())
                                : configMaps.containsKey(volume.getConfigMap().getName()));
                assertTrue(exists, service.getMetadata().getName() + " mounts a missing " + volume.getName());
            }
        }
    }

    @Test
    void everyKeyFileTheCodeIsPointedAtIsMounted() {
        for (Service service : Manifests.functionServices()) {
            List<String> files = mountedFiles(service);
            assertTrue(files.contains(JWT_KEY_DEFAULT), service.getMetadata().getName() + " has the token key");
            for (EnvVar env : container(service).getEnv()) {
                if (env.getName().endsWith("_LOCATION")) {
                    assertTrue(files.contains(env.getValue()), env.getName() + "=" + env.getValue() + " is not mounted");
                }
            }
        }
    }

    @Test
    void theTokenKeyIsWhereTheSharedDefaultLooks() {
        assertEquals(JWT_KEY_DEFAULT, ConfigKeys.sharedDefaults().getProperty("mp.jwt.verify.publickey.location"));
    }

    /**
     * Knative makes timeoutSeconds the pod's termination grace period, and its queue-proxy drains for at least
     * 30 s before the function hears SIGTERM: what is left must cover the function's own graceful shutdown.
     */
    @Test
    void aStoppingPodHasTimeToAnswerWhatItAcceptedAndDrainItsQueue() throws Exception {
        Duration queueProxyDrain = Duration.ofSeconds(30);
        Duration inFlight = DurationConverter.parseDuration(ConfigKeys.sharedDefaults().getProperty("quarkus.shutdown.timeout"));
        Duration queue = DurationConverter.parseDuration(ScanConfig.GroupCommit.class.getMethod("drainTimeout")
                .getAnnotation(WithDefault.class).value());
        Duration needed = queueProxyDrain.plus(inFlight).plus(queue);
        for (Service service : Manifests.functionServices()) {
            long grace = service.getSpec().getTemplate().getSpec().getTimeoutSeconds();
            assertTrue(grace >= needed.toSeconds(), service.getMetadata().getName() + ": timeoutSeconds " + grace
                    + " leaves no time for shutdown; needs " + needed.toSeconds());
        }
    }

    @Test
    void onlyGenerateCodeGetsTheCodeSigningKey() {
        for (Service service : Manifests.services()) {
            boolean signs = service.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .anyMatch(v -> v.getSecret() != null && v.getSecret().getSecretName().equals("checkin-code-signing"));
            assertEquals(service.getMetadata().getName().equals("generate-code"), signs, service.getMetadata().getName());
        }
    }

    @Test
    void thePageIsReadyWhenItServesOneOfItsFilesAndDrainsWithTheQueueProxy() {
        Service page = Manifests.services().stream().filter(s -> s.getMetadata().getName().equals(PAGE)).findFirst()
                .orElseThrow();
        Container container = container(page);
        assertEquals(8080, container.getPorts().get(0).getContainerPort());
        for (String path : List.of(container.getReadinessProbe().getHttpGet().getPath(),
                container.getLivenessProbe().getHttpGet().getPath())) {
            assertNotNull(PageConfig.class.getClassLoader().getResource("META-INF/resources" + path), path);
        }
        assertTrue(page.getSpec().getTemplate().getSpec().getTimeoutSeconds() >= 30, "the queue-proxy drains 30 s");
    }

    @Test
    void portsAndHealthPathsAreQuarkusDefaults() {
        for (Service service : Manifests.functionServices()) {
            Container container = container(service);
            assertEquals(8080, container.getPorts().get(0).getContainerPort());
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
            assertNotNull(container.getResources().getRequests().get("cpu"));
            assertNotNull(container.getResources().getLimits().get("memory"));
        }
    }

    @Test
    void imagesAreNamedInTheKustomizationAsTheBuildsNameThem() {
        List<Object> named = Manifests.images().stream().map(i -> i.get("name")).toList();
        for (Service service : Manifests.services()) {
            String image = container(service).getImage();
            assertEquals("checkin/" + service.getMetadata().getName(), image);
            assertTrue(named.contains(image), image + " is not in kustomization images");
        }
    }

    private static Container container(Service service) {
        List<Container> containers = service.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    /** The files a container sees: each mount's folder joined with the keys of its Secret or ConfigMap. */
    private static List<String> mountedFiles(Service service) {
        Map<String, Set<String>> byVolume = new java.util.HashMap<>();
        for (Volume volume : service.getSpec().getTemplate().getSpec().getVolumes()) {
            if (volume.getEmptyDir() != null) {
                continue; // a place to write, no files of ours
            }
            Set<String> keys = volume.getSecret() != null
                    ? Manifests.ofKind(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(volume.getSecret().getSecretName()))
                            .findFirst().map(s -> keys(s.getStringData(), s.getData())).orElse(Set.of())
                    : Manifests.ofKind(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(volume.getConfigMap().getName()))
                            .findFirst().map(c -> keys(c.getData(), null)).orElse(Set.of());
            byVolume.put(volume.getName(), keys);
        }
        List<String> files = new ArrayList<>();
        for (VolumeMount mount : container(service).getVolumeMounts()) {
            byVolume.getOrDefault(mount.getName(), Set.of()).forEach(key -> files.add(mount.getMountPath() + "/" + key));
        }
        return files;
    }

    private static Set<String> keys(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new java.util.HashSet<>();
        if (a != null) {
            keys.addAll(a.keySet());
        }
        if (b != null) {
            keys.addAll(b.keySet());
        }
        return keys;
    }
}
