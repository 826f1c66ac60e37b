package io.checkin.warmup.cli;

import static io.checkin.warmup.knative.Prewarmer.MIN_SCALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.warmup.knative.ServiceWarmUp;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * {@code warmup up} as an operator runs it, against the API server mock in CRUD mode: scan-in's only Revision already
 * has the three pods asked for, so the wait ends at once; what the command prints is the subject.
 */
@EnableKubernetesMockClient(crud = true)
class UpCommandTest {

    static final String NS = "checkin";

    KubernetesClient client;
    private KnativeClient knative;

    @BeforeEach
    void cluster() {
        knative = client.adapt(KnativeClient.class);
        knative.revisions().inNamespace(NS).resource(new RevisionBuilder().withNewMetadata().withName("scan-in-00001")
                .withNamespace(NS).addToLabels("serving.knative.dev/service", "scan-in").endMetadata()
                .withNewStatus().withActualReplicas(3).endStatus().build()).create();
    }

    private void scanIn(EnvVar... env) {
        knative.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("scan-in")
                .withNamespace(NS).endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer()
                .withName("scan-in").withEnv(env).endContainer().endSpec().endTemplate().endSpec().withNewStatus()
                .withLatestReadyRevisionName("scan-in-00001").endStatus().build()).create();
    }

    private static EnvVar[] warmingUpFor(String budget) {
        return new EnvVar[] { new EnvVar(ServiceWarmUp.AT_START, "true", null), new EnvVar(ServiceWarmUp.BUDGET, budget, null) };
    }

    private Printed up(String... args) {
        UpCommand command = new UpCommand();
        command.kubernetes = client;
        return Printed.run(command, args);
    }

    private Printed upScanIn(String... more) {
        List<String> args = new ArrayList<>(List.of("scan-in", "--min-scale", "3", "--no-warmup-call", "-n", NS));
        args.addAll(List.of(more));
        return up(args.toArray(String[]::new));
    }

    @Test
    void theProgressSaysThePodsWarmUpBeforeReadyAndTheEndHowLongItTook() {
        scanIn(warmingUpFor("30s"));
        Printed run = upScanIn();
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("scan-in: 3/3 pods ready (each warms up before ready, up to 30 s)\n"), run.out());
        assertTrue(run.out().matches("(?s).*\nscan-in: done in \\d+ s\n"), run.out());
        assertEquals("", run.err(), "30 s + 60 s fit in the default 180 s");
    }

    @Test
    void aServiceThatDoesNotWarmUpIsOnlyReady() {
        scanIn();
        Printed run = upScanIn();
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("scan-in: 3/3 pods ready\n"), run.out());
        assertTrue(run.out().matches("(?s).*\nscan-in: done in \\d+ s\n"), run.out());
    }

    @Test
    void aBudgetTheWaitDoesNotCoverExtendsTheWaitAndSaysSo() {
        scanIn(warmingUpFor("150s"));
        Printed run = upScanIn();
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("scan-in: warning: its pods warm up for up to 150 s before ready; "
                + "waiting up to 210 s instead of --wait-seconds 180"), run.err());
        assertTrue(upScanIn("--wait-seconds", "240").err().isEmpty(), "240 s cover 150 s + 60 s");
    }

    @Test
    void aWarmUpTheToolCannotReadIsRefusedBeforeAnythingIsPatched() {
        scanIn(new EnvVar(ServiceWarmUp.AT_START, "true", null), new EnvVarBuilder().withName(ServiceWarmUp.BUDGET)
                .withNewValueFrom().withNewConfigMapKeyRef("warm-up-budget", "checkin-config", false).endValueFrom().build());
        Printed run = upScanIn();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("scan-in: " + ServiceWarmUp.BUDGET + " is set from a ConfigMap or Secret"), run.err());
        var annotations = knative.revisions().inNamespace(NS).withName("scan-in-00001").get().getMetadata().getAnnotations();
        assertFalse(annotations != null && annotations.containsKey(MIN_SCALE));
    }
}
