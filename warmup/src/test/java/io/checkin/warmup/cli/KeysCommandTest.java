package io.checkin.warmup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.RevisionSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * {@code warmup keys} between adding a code key and signing with it, against the API server mock in CRUD mode. Each
 * Revision runs the template of its function's manifest in knative/, mounting a key set of the test's choosing.
 */
@EnableKubernetesMockClient(crud = true)
class KeysCommandTest {

    static final String NS = "checkin";

    KubernetesClient client;

    private Printed keys(String... args) {
        KeysCommand command = new KeysCommand();
        command.kubernetes = client;
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-n", NS));
        return Printed.run(command, all.toArray(String[]::new));
    }

    /** The function's template as its manifest in knative/ has it. */
    private static RevisionSpec template(String function) {
        try (InputStream in = Files.newInputStream(Path.of("../knative").resolve(
                function.equals("scan-in") ? "11-service-scan-in.yaml" : "12-service-scan-out.yaml"))) {
            Service service = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(in, Service.class);
            return service.getSpec().getTemplate().getSpec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key set as kustomize applies it: immutable unless said, under a name of its own, holding these key ids. */
    private void keySet(String name, boolean immutable, String... kids) {
        String keys = List.of(kids).stream().map(k -> "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + k + "\"}")
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                .withImmutable(immutable).addToData("code-keys.jwks.json", keys).build()).create();
    }

    /** The set before a rotation (a1: the key in use) and during it (b2: that key and the next one). */
    private void oldAndNewSets() {
        keySet("checkin-code-keys-a1", true, "2026-11");
        keySet("checkin-code-keys-b2", true, "2026-11", "2027-01");
    }

    /** A Revision of {@code function} that mounts the key set {@code configMap}. */
    private void revision(String function, String name, String configMap) {
        RevisionSpec spec = template(function);
        spec.getVolumes().stream().filter(v -> v.getConfigMap() != null).forEach(v -> v.getConfigMap().setName(configMap));
        client.adapt(KnativeClient.class).revisions().inNamespace(NS).resource(new RevisionBuilder().withNewMetadata()
                .withName(name).addToLabels("serving.knative.dev/service", function).endMetadata().withSpec(spec).build())
                .create();
    }

    /** The Service with its traffic (revision to percent), its latest ready and its latest created Revision. */
    private void service(String function, Map<String, Long> traffic, String latestReady, String latestCreated) {
        List<TrafficTarget> targets = new ArrayList<>();
        traffic.forEach((revision, percent) -> targets.add(new TrafficTarget(null, null, percent, revision, null, null)));
        client.adapt(KnativeClient.class).services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata()
                .withName(function).endMetadata().withNewStatus().withTraffic(targets).withLatestReadyRevisionName(latestReady)
                .withLatestCreatedRevisionName(latestCreated).endStatus().build()).create();
    }

    private void serving(String function, String revision, String configMap) {
        revision(function, revision, configMap);
        service(function, Map.of(revision, 100L), revision, revision);
    }

    @Test
    void aKeyThatEveryServingRevisionsSetHoldsIsAccepted() {
        keySet("checkin-code-keys-b2", true, "2026-11", "2027-01");
        serving("scan-in", "scan-in-00004", "checkin-code-keys-b2");
        serving("scan-out", "scan-out-00007", "checkin-code-keys-b2");
        Printed run = keys("--kid", "2027-01");
        assertEquals(KeysCommand.YES, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("scan-in: scan-in-00004 (100% of the traffic, latest ready) reads "
                + "checkin-code-keys-b2, keys 2026-11, 2027-01: accepts 2027-01\n"), run.out());
        assertTrue(run.out().contains("scan-out: scan-out-00007 (100% of the traffic, latest ready)"), run.out());
        assertTrue(run.out().endsWith("every serving Revision accepts 2027-01\n"), run.out());
    }

    @Test
    void aCanaryStillSplitWithARevisionOfTheOldSetFailsTheCheck() {
        oldAndNewSets();
        serving("scan-in", "scan-in-00004", "checkin-code-keys-b2");
        revision("scan-out", "scan-out-00006", "checkin-code-keys-a1");
        revision("scan-out", "scan-out-00007", "checkin-code-keys-b2");
        Map<String, Long> split = new LinkedHashMap<>();
        split.put("scan-out-00006", 90L);
        split.put("scan-out-00007", 10L);
        service("scan-out", split, "scan-out-00007", "scan-out-00007");
        Printed run = keys("--kid", "2027-01");
        assertEquals(KeysCommand.NO, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("scan-out: scan-out-00006 (90% of the traffic) reads checkin-code-keys-a1, keys "
                + "2026-11: does NOT accept 2027-01\n"), run.out());
        assertTrue(run.out().contains("scan-out-00007 (10% of the traffic, latest ready) reads checkin-code-keys-b2"), run.out());
        assertTrue(run.out().endsWith("NOT every serving Revision accepts 2027-01: do not sign with it yet\n"), run.out());
    }

    @Test
    void theLatestReadyRevisionCountsBeforeItReceivesTraffic() {
        oldAndNewSets();
        revision("scan-in", "scan-in-00004", "checkin-code-keys-b2");
        revision("scan-in", "scan-in-00005", "checkin-code-keys-a1");
        service("scan-in", Map.of("scan-in-00004", 100L), "scan-in-00005", "scan-in-00005");
        Printed run = keys("--service", "scan-in", "--kid", "2027-01");
        assertEquals(KeysCommand.NO, run.exit(), run.out());
        assertTrue(run.out().contains("scan-in: scan-in-00005 (0% of the traffic, latest ready) reads "
                + "checkin-code-keys-a1, keys 2026-11: does NOT accept 2027-01"), run.out());
    }

    @Test
    void aMutableKeySetProvesNothingAboutWhatThePodsRead() {
        keySet("checkin-code-keys", false, "2026-11", "2027-01");
        serving("scan-in", "scan-in-00003", "checkin-code-keys");
        Printed run = keys("--service", "scan-in", "--kid", "2027-01");
        assertEquals(KeysCommand.NO, run.exit(), run.out());
        assertTrue(run.out().contains("scan-in: scan-in-00003 (100% of the traffic, latest ready): cannot tell, its "
                + "ConfigMap checkin-code-keys is mutable"), run.out());
    }

    @Test
    void aKeySetThatIsGoneIsSaidToStopThePodsFromStarting() {
        serving("scan-in", "scan-in-00003", "checkin-code-keys-deleted");
        Printed run = keys("--service", "scan-in", "--kid", "2027-01");
        assertEquals(KeysCommand.NO, run.exit(), run.out());
        assertTrue(run.out().contains("its ConfigMap checkin-code-keys-deleted does not exist: its pods cannot start again"),
                run.out());
    }

    @Test
    void aNewestRevisionThatIsNotReadyIsNamed() {
        keySet("checkin-code-keys-b2", true, "2027-01");
        serving("scan-out", "scan-out-00007", "checkin-code-keys-b2");
        client.adapt(KnativeClient.class).services().inNamespace(NS).withName("scan-out")
                .editStatus(s -> {
                    s.getStatus().setLatestCreatedRevisionName("scan-out-00008");
                    return s;
                });
        Printed run = keys("--service", "scan-out", "--kid", "2027-01");
        assertEquals(KeysCommand.YES, run.exit(), run.out());
        assertTrue(run.out().contains("scan-out: scan-out-00008, its newest Revision, is not ready"), run.out());
    }

    @Test
    void removedHoldsOnlyOnceNoServingRevisionAcceptsTheKey() {
        keySet("checkin-code-keys-b2", true, "2026-11", "2027-01");
        keySet("checkin-code-keys-c3", true, "2027-01");
        serving("scan-in", "scan-in-00005", "checkin-code-keys-c3");
        serving("scan-out", "scan-out-00007", "checkin-code-keys-b2");
        Printed stillThere = keys("--kid", "2026-11", "--removed");
        assertEquals(KeysCommand.NO, stillThere.exit(), stillThere.out());
        assertTrue(stillThere.out().endsWith("NOT every serving Revision refuses 2026-11\n"), stillThere.out());
        assertEquals(KeysCommand.YES, keys("--service", "scan-in", "--kid", "2026-11", "--removed").exit());
    }

    @Test
    void aServiceThatDoesNotExistIsAnErrorNotAnAnswer() {
        Printed run = keys("--service", "scan-sideways", "--kid", "2027-01");
        assertEquals(KeysCommand.UNREADABLE, run.exit(), run.out());
        assertTrue(run.err().contains("No Knative Service scan-sideways in namespace checkin"), run.err());
    }
}
