package io.checkin.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The files of this folder and the Knative manifests they watch, parsed (YAML and JSON alike). */
final class MonitoringFiles {

    /** The module's folder is the monitoring files' folder. */
    static final Path DIR = Path.of("").toAbsolutePath();
    static final Path KNATIVE = DIR.resolveSibling("knative");
    static final Path RULES = DIR.resolve("checkin-alerts.yml");
    static final Path PROMETHEUS_RULE = DIR.resolve("prometheusrule.yaml");
    static final Path SCRAPE = DIR.resolve("prometheus.yml");
    static final Path POD_MONITOR = DIR.resolve("podmonitor.yaml");
    static final Path DASHBOARD = DIR.resolve("grafana-dashboard.json");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private MonitoringFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SERIALIZATION.unmarshal(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Knative Services of the functions (knative/1*-service-*.yaml, but the check-in page's). */
    static List<Service> functionServices() {
        try (Stream<Path> files = Files.list(KNATIVE)) {
            return files.filter(f -> f.getFileName().toString().matches("1\\d-service-.+\\.yaml")).sorted()
                    .map(MonitoringFiles::service).filter(s -> Files.isDirectory(functionModule(s))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path functionModule(Service service) {
        return DIR.resolveSibling("functions").resolve(service.getMetadata().getName());
    }

    private static Service service(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SERIALIZATION.unmarshal(in, Service.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
