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
    void eachRevisionWithTrafficIsWarmedInProportionToItsShareAndNothingElse() {
        List<Prewarmer.Change> changes = prewarmer.up("scan-in", 10, false);
        assertEquals(List.of(new Prewarmer.Change("revision/scan-in-00002", "1", "9"),
                new Prewarmer.Change("revision/scan-in-00003", null, "1")), changes, "90% of 10 and 10% of 10");
        assertEquals("9", annotations("scan-in-00002").get(MIN_SCALE));
        assertEquals("1", annotations("scan-in-00003").get(MIN_SCALE));
        assertFalse(annotations("scan-in-00001").containsKey(MIN_SCALE), "a retired revision stays cold");
        assertFalse(annotations("query-history-00001").containsKey(MIN_SCALE), "another function is untouched");
        assertNull(templateAnnotations("scan-in").get(MIN_SCALE), "no new revision");
    }

    @Test
    void anEvenSplitRoundsEachShareUp() {
        revision("scan-out-00001", "scan-out", null);
        revision("scan-out-00002", "scan-out", null);
        service("scan-out", Map.of("scan-out-00001", 50L, "scan-out-00002", 50L), "scan-out-00002");
        assertEquals(List.of(new Prewarmer.Change("revision/scan-out-00001", null, "2"),
                new Prewarmer.Change("revision/scan-out-00002", null, "2")), prewarmer.up("scan-out", 3, false));
    }

    @Test
    void aRevisionWithAllTheTrafficGetsTheWholeMinScale() {
        revision("generate-code-00001", "generate-code", null);
        service("generate-code", Map.of("generate-code-00001", 100L), "generate-code-00001");
        assertEquals(List.of(new Prewarmer.Change("revision/generate-code-00001", null, "7")),
                prewarmer.up("generate-code", 7, false));
    }

    /** status.traffic lists a revision once per target: tagged and untagged, or under two tags. */
    @Test
    void aRevisionNamedByTwoTrafficTargetsIsWarmedForTheirSum() {
        revision("scan-out-00001", "scan-out", null);
        revision("scan-out-00002", "scan-out", null);
        service("scan-out", List.of(new Target("scan-out-00001", 50, "stable"), new Target("scan-out-00002", 20, "canary"),
                new Target("scan-out-00001", 30, "current"), new Target("scan-out-00002", 0, "next")), "scan-out-00002");
        assertEquals(List.of(new Prewarmer.Change("revision/scan-out-00001", null, "4"),
                new Prewarmer.Change("revision/scan-out-00002", null, "1")), prewarmer.up("scan-out", 5, false),
                "80% and 20% of 5");
    }

    @Test
    void theSplitIsWhatUpWarmsAndWaitsFor() {
        assertEquals(List.of(new Prewarmer.Share("scan-in-00002", 90, 9), new Prewarmer.Share("scan-in-00003", 10, 1)),
                prewarmer.shares(prewarmer.service("scan-in"), 10));
        assertEquals(List.of(new Prewarmer.Share("query-history-00001", 100, 4)),
                prewarmer.shares(prewarmer.service("query-history"), 4), "no traffic in the status: the latest ready, all of it");
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
        prewarmer.up("scan-in", 20, false); // a bigger event later: the original value is still remembered
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
        service(name, traffic.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(t -> new Target(t.getKey(), t.getValue(), null)).toList(), latestReady);
    }

    /** One entry of a Service's status.traffic. */
    private record Target(String revision, long percent, String tag) {
    }

    private void service(String name, List<Target> traffic, String latestReady) {
        ServiceBuilder builder = new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withNewTemplate().withNewMetadata().endMetadata().endTemplate().endSpec();
        var status = builder.withNewStatus().withLatestReadyRevisionName(latestReady);
        traffic.forEach(t -> status.addNewTraffic().withRevisionName(t.revision()).withPercent(t.percent()).withTag(t.tag())
                .endTraffic());
        Service service = status.endStatus().build();
        knative.services().inNamespace(NS).resource(service).create();
    }
}
