package io.checkin.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;

/**
 * The scrape job (plain Prometheus) and the PodMonitor find what the Knative manifests deploy: the functions' pods by
 * the label their templates set, their container's port, in the kustomization's namespace.
 */
class ScrapeTargetsTest {

    private static final String NAME_LABEL = "app.kubernetes.io/name";

    @Test
    void theScrapeJobKeepsThePodsOfEveryFunctionAndNoOthers() {
        Map<String, Object> keep = relabelling("__meta_kubernetes_pod_label_app_kubernetes_io_name");
        assertEquals(functionLabels(), new TreeSet<>(List.of(((String) keep.get("regex")).split("\\|"))));
        assertEquals("keep", keep.get("action"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePodMonitorSelectsTheSamePods() {
        Map<String, Object> selector = (Map<String, Object>) spec(MonitoringFiles.POD_MONITOR).get("selector");
        Map<String, Object> expression = ((List<Map<String, Object>>) selector.get("matchExpressions")).get(0);
        assertEquals(NAME_LABEL, expression.get("key"));
        assertEquals("In", expression.get("operator"));
        assertEquals(functionLabels(), new TreeSet<>((List<String>) expression.get("values")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScrapeJobReadsTheFunctionsPortInTheKustomizationsNamespace() {
        for (Service function : MonitoringFiles.functionServices()) {
            Container container = function.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(String.valueOf(container.getPorts().get(0).getContainerPort()),
                    relabelling("__meta_kubernetes_pod_container_port_number").get("regex"), function.getMetadata().getName());
        }
        Map<String, Object> sd = ((List<Map<String, Object>>) job().get("kubernetes_sd_configs")).get(0);
        assertEquals("pod", sd.get("role"));
        assertEquals(List.of(MonitoringFiles.parse(MonitoringFiles.KNATIVE.resolve("kustomization.yaml")).get("namespace")),
                ((Map<String, Object>) sd.get("namespaces")).get("names"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothReadTheMetricsWithAnOperatorTokenAndLabelTheFunctionAndRevision() {
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec(MonitoringFiles.POD_MONITOR).get("podMetricsEndpoints")).get(0);
        assertEquals(job().get("metrics_path"), endpoint.get("path"));
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals("Bearer", ((Map<String, Object>) job().get("authorization")).get("type"));
        assertEquals("Bearer", ((Map<String, Object>) endpoint.get("authorization")).get("type"));
        Map<String, String> targets = Map.of("__meta_kubernetes_pod_label_serving_knative_dev_service", "function",
                "__meta_kubernetes_pod_label_serving_knative_dev_revision", "revision");
        targets.forEach((source, target) -> {
            assertEquals(target, relabelling(source).get("target_label"), source);
            assertEquals(1, ((List<Map<String, Object>>) endpoint.get("relabelings")).stream()
                    .filter(r -> r.get("sourceLabels").equals(List.of(source)) && r.get("targetLabel").equals(target)).count(),
                    source);
        });
    }

    /** The values of the name label that the functions' Service templates give their pods. */
    private static Set<String> functionLabels() {
        Set<String> labels = new TreeSet<>();
        MonitoringFiles.functionServices()
                .forEach(s -> labels.add(s.getSpec().getTemplate().getMetadata().getLabels().get(NAME_LABEL)));
        assertEquals(4, labels.size(), "the four functions: " + labels);
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job() {
        return ((List<Map<String, Object>>) MonitoringFiles.parse(MonitoringFiles.SCRAPE).get("scrape_configs")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> relabelling(String source) {
        return ((List<Map<String, Object>>) job().get("relabel_configs")).stream()
                .filter(r -> r.get("source_labels").equals(List.of(source))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Path file) {
        return (Map<String, Object>) MonitoringFiles.parse(file).get("spec");
    }
}
