package io.checkin.knative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The manifests of this folder, parsed into the fabric8 Kubernetes and Knative model. */
final class Manifests {

    /** The module's folder is the manifests' folder. */
    static final Path DIR = Path.of("").toAbsolutePath();
    static final Path REPO = DIR.getParent();
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** The numbered manifest files, in apply order. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.+\\.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HasMetadata parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SERIALIZATION.unmarshal(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbered files' resources, and the ConfigMaps the kustomization generates (under their unhashed names). */
    static List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>(files().stream().map(Manifests::parse).toList());
        all.addAll(generated());
        return all;
    }

    /**
     * The kustomization's configMapGenerator entries as the ConfigMaps they make, named as the manifests reference them
     * (kustomize appends a hash of the content when it renders): each file a key, as {@code files: [name]} or
     * {@code files: [key=name]} say, and each {@code key=value} line of an {@code envs} file a key.
     */
    @SuppressWarnings("unchecked")
    static List<ConfigMap> generated() {
        Map<String, Object> kustomization = yaml(DIR.resolve("kustomization.yaml"));
        List<ConfigMap> generated = new ArrayList<>();
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.getOrDefault("configMapGenerator",
                List.of())) {
            Map<String, String> data = new TreeMap<>();
            for (String file : (List<String>) generator.getOrDefault("files", List.of())) {
                String[] keyAndFile = file.contains("=") ? file.split("=", 2) : new String[] { file, file };
                data.put(keyAndFile[0], read(DIR.resolve(keyAndFile[1])));
            }
            for (String envs : (List<String>) generator.getOrDefault("envs", List.of())) {
                read(DIR.resolve(envs)).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(l -> data.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            }
            generated.add(new ConfigMapBuilder().withNewMetadata().withName((String) generator.get("name")).endMetadata()
                    .withData(data).build());
        }
        return generated;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Service> services() {
        return all().stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
    }

    /** The Services that run a function (every one but the check-in page's). */
    static List<Service> functionServices() {
        List<String> functions = functionModules();
        return services().stream().filter(s -> functions.contains(s.getMetadata().getName())).toList();
    }

    static <T extends HasMetadata> List<T> ofKind(Class<T> kind) {
        return all().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SERIALIZATION.unmarshal(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kustomization's image entries: its own and its components'. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> images() {
        Map<String, Object> kustomization = yaml(DIR.resolve("kustomization.yaml"));
        List<Map<String, Object>> images = new ArrayList<>();
        images.addAll((List<Map<String, Object>>) kustomization.getOrDefault("images", List.of()));
        for (Object component : (List<Object>) kustomization.getOrDefault("components", List.of())) {
            Map<String, Object> own = yaml(DIR.resolve(component + "/kustomization.yaml"));
            images.addAll((List<Map<String, Object>>) own.getOrDefault("images", List.of()));
        }
        return images;
    }

    /** The image of every container the manifests run: the Services' and the CronJob's. */
    static List<String> containerImages() {
        List<String> images = new ArrayList<>();
        services().forEach(s -> s.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage())));
        ofKind(CronJob.class).forEach(j -> j.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> images.add(c.getImage())));
        return images;
    }

    /** The function modules: every folder under functions/ with a pom, except the local all-in-one. */
    static List<String> functionModules() {
        try (Stream<Path> dirs = Files.list(REPO.resolve("functions"))) {
            List<String> names = new ArrayList<>();
            dirs.filter(d -> Files.exists(d.resolve("pom.xml")) && !d.getFileName().toString().equals("local"))
                    .forEach(d -> names.add(d.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
