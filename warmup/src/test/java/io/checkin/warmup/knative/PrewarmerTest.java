package io.checkin.warmup.knative;

import static io.checkin.warmup.knative.Prewarmer.MIN_SCALE;
import static io.checkin.warmup.knative.Prewarmer.PREVIOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/** Against a Kubernetes API server mock in CRUD mode, with Services and Revisions as Knative would have them. */
@EnableKubernetesMockClient(crud = true)
class PrewarmerTest {

    static final String NS = "checkin";

    KubernetesClient client;
    private KnativeClient knative;
    private Prewarmer prewarmer;

    @BeforeEach
    void cluster() {
        knative = client.adapt(KnativeClient.class);
        prewarmer = new Prewarmer(knative, NS);
        // scan-in: 90% on 00002, a 10% canary on 00003, 00001 retired; 00002 had a min-scale of its own
        revision("scan-in-00001", "scan-in", null);
        revision("scan-in-00002", "scan-in", "1");
        revision("scan-in-00003", "scan-in", null);
        service("scan-in", Map.of("scan-in-00002", 90L, "scan-in-00003", 10L), "scan-in-00003");
        revision("query-history-00001", "query-history", null);
        service("query-history", Map.of(), "query-history-00001");
    }

    @Test
    void upPatchesEveryRevisionWithTrafficAndNothingElse() {
        List<Prewarmer.Change> changes = prewarmer.up("scan-in", 6, false);
        assertEquals(List.of(new Prewarmer.Change("revision/scan-in-00002", "1", "6"),
                new Prewarmer.Change("revision/scan-in-00003", null, "6")), changes);
        assertEquals("6", annotations("scan-in-00002").get(MIN_SCALE));
        assertEquals("6", annotations("scan-in-00003").get(MIN_SCALE));
        assertFalse(annotations("scan-in-00001").containsKey(MIN_SCALE), "a retired revision stays cold");
        assertFalse(annotations("query-history-00001").containsKey(MIN_SCALE), "another function is untouched");
        assertNull(templateAnnotations("scan-in").get(MIN_SCALE), "no new revision");
    }

    @Test
    void aRepeatedUpChangesNothing() {
        prewarmer.up("scan-in", 6, false);
        String version = knative.revisions().inNamespace(NS).withName("scan-in-00002").get().getMetadata().getResourceVersion();
        assertEquals(List.of(), prewarmer.up("scan-in", 6, false));
        assertEquals(version, knative.revisions().inNamespace(NS).withName("scan-in-00002").get().getMetadata()
                .getResourceVersion());
    }

    @Test
    void downRestoresWhatWasThereBefore() {
        prewarmer.up("scan-in", 6, false);
        prewarmer.up("scan-in", 9, false); // a bigger event later: the original value is still remembered
        prewarmer.down("scan-in", false);
        assertEquals("1", annotations("scan-in-00002").get(MIN_SCALE));
        assertFalse(annotations("scan-in-00003").containsKey(MIN_SCALE));
        assertFalse(annotations("scan-in-00002").containsKey(PREVIOUS));
        assertEquals(List.of(), prewarmer.down("scan-in", false), "a repeated down changes nothing");
    }

    @Test
    void withoutTrafficInTheStatusTheLatestReadyRevisionIsWarmed() {
        assertEquals(List.of(new Prewarmer.Change("revision/query-history-00001", null, "2")),
                prewarmer.up("query-history", 2, false));
    }

    @Test
    void theTemplateFallbackPatchesTheServiceAndRestoresIt() {
        List<Prewarmer.Change> changes = prewarmer.up("scan-in", 4, true);
        assertEquals(1, changes.size());
        assertEquals("4", templateAnnotations("scan-in").get(MIN_SCALE));
        assertFalse(annotations("scan-in-00002").get(MIN_SCALE).equals("4"), "revisions untouched");
        prewarmer.down("scan-in", true);
        assertFalse(templateAnnotations("scan-in").containsKey(MIN_SCALE));
        assertFalse(templateAnnotations("scan-in").containsKey(PREVIOUS));
    }

    @Test
    void anUnknownServiceIsNamed() {
        PrewarmException e = assertThrows(PrewarmException.class, () -> prewarmer.up("scan-sideways", 3, false));
        assertTrue(e.getMessage().contains("scan-sideways") && e.getMessage().contains(NS), e.getMessage());
    }

    private Map<String, String> annotations(String revision) {
        Map<String, String> a = knative.revisions().inNamespace(NS).withName(revision).get().getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    private Map<String, String> templateAnnotations(String service) {
        var meta = knative.services().inNamespace(NS).withName(service).get().getSpec().getTemplate().getMetadata();
        return meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    }

    private void revision(String name, String service, String minScale) {
        Map<String, String> annotations = new HashMap<>();
        if (minScale != null) {
            annotations.put(MIN_SCALE, minScale);
        }
        Revision revision = new RevisionBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .addToLabels(Prewarmer.SERVICE_LABEL, service).withAnnotations(annotations).endMetadata()
                .withNewSpec().endSpec().build();
        knative.revisions().inNamespace(NS).resource(revision).create();
    }

    private void service(String name, Map<String, Long> traffic, String latestReady) {
        ServiceBuilder builder = new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withNewTemplate().withNewMetadata().endMetadata().endTemplate().endSpec();
        var status = builder.withNewStatus().withLatestReadyRevisionName(latestReady);
        traffic.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(t -> status.addNewTraffic().withRevisionName(t.getKey()).withPercent(t.getValue()).endTraffic());
        Service service = status.endStatus().build();
        knative.services().inNamespace(NS).resource(service).create();
    }
}
