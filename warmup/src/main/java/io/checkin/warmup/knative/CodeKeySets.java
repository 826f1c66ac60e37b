package io.checkin.warmup.knative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The code keys the pods that serve a function accept. A scan function reads its public JWK set once, at start, from
 * the file {@code CHECKIN_CODES_VERIFICATION_KEYS_LOCATION} names, which its Revision mounts from a ConfigMap; an
 * immutable ConfigMap (knative/kustomization.yaml generates it so) is therefore the set every pod of that Revision
 * read. A mutable one may have changed after a pod started, so it proves nothing and counts as not accepting. Read for
 * every Revision that receives traffic (the Service's status.traffic, as {@link Prewarmer#shares} reads it) and the
 * latest ready one, which receives it next.
 */
public final class CodeKeySets {

    /** The variable that tells a scan function where its key set is ({@code checkin.codes.verification-keys-location}). */
    public static final String LOCATION = "CHECKIN_CODES_VERIFICATION_KEYS_LOCATION";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient kubernetes;
    private final String namespace;
    /** Reads the Services, their traffic and Revisions as every other warmup command does. */
    private final Prewarmer knative;

    public CodeKeySets(KubernetesClient kubernetes, String namespace) {
        this.kubernetes = kubernetes;
        this.namespace = namespace;
        this.knative = new Prewarmer(kubernetes.adapt(KnativeClient.class), namespace);
    }

    /**
     * What one Revision's pods accept: the key ids of the set it mounts, or, when that cannot be known, why not
     * ({@code problem}; then it accepts nothing).
     */
    public record Served(String service, String revision, long percent, boolean latestReady, String configMap,
            List<String> kids, String problem) {

        static Served unknown(String service, String revision, long percent, boolean latestReady, String configMap,
                String problem) {
            return new Served(service, revision, percent, latestReady, configMap, List.of(), problem);
        }

        public boolean accepts(String kid) {
            return problem == null && kids.contains(kid);
        }

        /** As {@code warmup keys} prints it. */
        public String describe(String kid) {
            String who = service + ": " + revision + " (" + percent + "% of the traffic" + (latestReady ? ", latest ready" : "")
                    + ")";
            if (problem != null) {
                return who + ": cannot tell, " + problem;
            }
            return who + " reads " + configMap + ", keys " + String.join(", ", kids) + ": "
                    + (accepts(kid) ? "accepts " : "does NOT accept ") + kid;
        }
    }

    /** A Service's serving Revisions, and its newest Revision when that is not ready (starting, or refusing its keys). */
    public record ServiceKeys(List<Served> revisions, Optional<String> newestNotReady) {
    }

    /** The Revisions of {@code service} that serve now or next, each with the key ids its pods accept. */
    public ServiceKeys of(String service) {
        Service found = knative.service(service);
        Map<String, Long> percents = new LinkedHashMap<>();
        knative.shares(found, 100).forEach(s -> percents.put(s.revision(), s.percent()));
        String latestReady = found.getStatus().getLatestReadyRevisionName();
        if (latestReady != null) {
            percents.putIfAbsent(latestReady, 0L);
        }
        List<Served> served = new ArrayList<>();
        percents.forEach((revision, percent) -> served.add(read(service, revision, percent, revision.equals(latestReady))));
        String created = found.getStatus().getLatestCreatedRevisionName();
        return new ServiceKeys(served, Optional.ofNullable(created).filter(c -> !c.equals(latestReady)));
    }

    private Served read(String service, String name, long percent, boolean latestReady) {
        Revision revision = knative.revision(name);
        if (revision == null) {
            return Served.unknown(service, name, percent, latestReady, null, "the Revision does not exist");
        }
        Container container = revision.getSpec().getContainers().get(0);
        String location = container.getEnv() == null ? null : container.getEnv().stream()
                .filter(e -> LOCATION.equals(e.getName())).reduce((first, last) -> last).map(EnvVar::getValue).orElse(null);
        if (location == null) {
            return Served.unknown(service, name, percent, latestReady, null, "it sets no " + LOCATION + " as a value");
        }
        VolumeMount mount = container.getVolumeMounts() == null ? null : container.getVolumeMounts().stream()
                .filter(m -> location.startsWith(m.getMountPath().replaceAll("/$", "") + "/"))
                .max((a, b) -> a.getMountPath().length() - b.getMountPath().length()).orElse(null);
        Volume volume = mount == null || revision.getSpec().getVolumes() == null ? null : revision.getSpec().getVolumes()
                .stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElse(null);
        if (volume == null || volume.getConfigMap() == null) {
            return Served.unknown(service, name, percent, latestReady, null, location + " is not in a ConfigMap it mounts");
        }
        String file = location.substring(mount.getMountPath().replaceAll("/$", "").length() + 1);
        String key = volume.getConfigMap().getItems() == null ? file : volume.getConfigMap().getItems().stream()
                .filter(i -> i.getPath().equals(file)).map(KeyToPath::getKey).findFirst().orElse(file);
        String configMapName = volume.getConfigMap().getName();
        ConfigMap configMap = configMap(configMapName);
        if (configMap == null) {
            return Served.unknown(service, name, percent, latestReady, configMapName,
                    "its ConfigMap " + configMapName + " does not exist: its pods cannot start again");
        }
        if (!Boolean.TRUE.equals(configMap.getImmutable())) {
            return Served.unknown(service, name, percent, latestReady, configMapName, "its ConfigMap " + configMapName
                    + " is mutable, so its pods may have read an older set: apply the key set with kubectl apply -k knative/");
        }
        String set = configMap.getData() == null ? null : configMap.getData().get(key);
        try {
            TreeSet<String> kids = new TreeSet<>();
            JSON.readTree(set == null ? "" : set).path("keys").forEach(k -> kids.add(k.path("kid").asText()));
            if (!kids.isEmpty()) {
                return new Served(service, name, percent, latestReady, configMapName, List.copyOf(kids), null);
            }
        } catch (java.io.IOException e) {
            // said below
        }
        return Served.unknown(service, name, percent, latestReady, configMapName,
                "key " + key + " of ConfigMap " + configMapName + " is not a JWK set with keys");
    }

    /** The ConfigMap, or null; a refusal says what the command needs. */
    private ConfigMap configMap(String name) {
        try {
            return kubernetes.configMaps().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw new PrewarmException("Cannot get configmaps " + name + " in namespace " + namespace + " (" + e.getCode()
                    + "): " + (e.getCode() == 403 ? "the command needs get on configmaps there" : e.getMessage()), e);
        }
    }

}
