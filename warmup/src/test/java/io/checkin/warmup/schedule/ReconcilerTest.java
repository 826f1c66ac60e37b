package io.checkin.warmup.schedule;

import static io.checkin.warmup.knative.Prewarmer.MIN_SCALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.warmup.knative.PrewarmException;
import io.checkin.warmup.knative.Prewarmer;
import io.checkin.warmup.knative.ServiceWarmUp;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.RevisionSpecBuilder;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/** The schedule's boundaries, with an injected clock, against the API server mock in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ReconcilerTest {

    static final String NS = "checkin";
    /** 10 s start-up + two 2 s ticks + 60 s margin: warm from 74 s before the start. */
    static final String SCHEDULE = """
            events:
              - name: concert
                functions: [scan-in]
                start: 2026-12-06T18:00:00Z
                end: 2026-12-06T20:00:00Z
                minScale: 3
              - name: festival
                functions: [scan-in, scan-out]
                start: 2026-12-06T19:00:00Z
                end: 2026-12-06T23:00:00Z
                peak: 13300
                maxRatePerPod: 2000
            """;

    /** Both scan functions, 3 pods each from 18:00, and the fields a test adds. */
    static final String CONCERT = """
            events:
              - {name: concert, functions: [scan-in, scan-out], start: 2026-12-06T18:00:00Z, end: 2026-12-06T20:00:00Z, minScale: 3%s}
            """;

    KubernetesClient client;
    private KnativeClient knative;

    @BeforeEach
    void cluster() {
        knative = client.adapt(KnativeClient.class);
        for (String name : List.of("scan-in", "scan-out")) {
            knative.revisions().inNamespace(NS).resource(new RevisionBuilder().withNewMetadata().withName(name + "-00001")
                    .withNamespace(NS).addToLabels("serving.knative.dev/service", name).endMetadata().build()).create();
            knative.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName(name)
                    .withNamespace(NS).endMetadata().withNewSpec().withNewTemplate().withNewMetadata()
                    .addToAnnotations("autoscaling.knative.dev/target", "100").endMetadata().endTemplate().endSpec()
                    .withNewStatus().withLatestReadyRevisionName(name + "-00001").endStatus().build()).create();
        }
    }

    private Map<String, Integer> runAt(String time) {
        return runAt(SCHEDULE, time);
    }

    private Map<String, Integer> runAt(String schedule, String time) {
        reconcilerAt(time).reconcile(schedule, "test");
        return Map.of("scan-in", scale("scan-in"), "scan-out", scale("scan-out"));
    }

    private Reconciler reconcilerAt(String time) {
        return new Reconciler(new Prewarmer(knative, NS), Clock.fixed(Instant.parse(time), ZoneOffset.UTC), false);
    }

    /** The function's first container sets these, as knative/jvm does for the scan functions. */
    private void containerEnv(String function, EnvVar... env) {
        knative.services().inNamespace(NS).withName(function).edit(s -> {
            s.getSpec().getTemplate().setSpec(new RevisionSpecBuilder().addNewContainer().withName(function)
                    .withEnv(env).endContainer().build());
            return s;
        });
    }

    private void warmsUpFor(String function, String budget) {
        containerEnv(function, new EnvVar(ServiceWarmUp.AT_START, "true", null),
                new EnvVar(ServiceWarmUp.BUDGET, budget, null));
    }

    private int scale(String function) {
        var annotations = knative.revisions().inNamespace(NS).withName(function + "-00001").get().getMetadata()
                .getAnnotations();
        return annotations == null || !annotations.containsKey(MIN_SCALE) ? 0 : Integer.parseInt(annotations.get(MIN_SCALE));
    }

    @Test
    void warmsFromTheLeadTimeHoldsTheLargestOverlapAndReleasesAfterTheEnd() {
        assertEquals(Map.of("scan-in", 0, "scan-out", 0), runAt("2026-12-06T17:58:45Z")); // 75 s before: cold
        assertEquals(Map.of("scan-in", 3, "scan-out", 0), runAt("2026-12-06T17:58:46Z")); // 74 s before: warm
        // the festival needs 13,300 / 2,000 = 7 pods per function, more than the concert's 3
        assertEquals(Map.of("scan-in", 7, "scan-out", 7), runAt("2026-12-06T19:30:00Z"));
        assertEquals(Map.of("scan-in", 7, "scan-out", 7), runAt("2026-12-06T20:00:00Z")); // concert over
        assertEquals(Map.of("scan-in", 0, "scan-out", 0), runAt("2026-12-06T23:00:00Z")); // released
        var annotations = knative.revisions().inNamespace(NS).withName("scan-in-00001").get().getMetadata().getAnnotations();
        assertFalse(annotations != null && annotations.containsKey(Prewarmer.PREVIOUS));
    }

    /** scan-in's pods warm up for 30 s before ready, scan-out's not at all: 104 s and 74 s before the start. */
    @Test
    void aServiceThatWarmsUpBeforeReadyIsWarmedEarlierByItsBudget() {
        warmsUpFor("scan-in", "30s");
        String both = CONCERT.formatted("");
        assertEquals(Map.of("scan-in", 0, "scan-out", 0), runAt(both, "2026-12-06T17:58:15Z")); // 105 s before
        assertEquals(Map.of("scan-in", 3, "scan-out", 0), runAt(both, "2026-12-06T17:58:16Z")); // 104 s before
        assertEquals(Map.of("scan-in", 3, "scan-out", 0), runAt(both, "2026-12-06T17:58:45Z")); // 75 s before
        assertEquals(Map.of("scan-in", 3, "scan-out", 3), runAt(both, "2026-12-06T17:58:46Z")); // 74 s before
    }

    /**
     * The festival's peak on scan-in's JVM pods, which warm up before ready and then ramp up: more pods than scan-out's
     * native ones, which serve their whole rate from the first request (13,300 / 2,000 = 7).
     */
    @Test
    void aPeakOnPodsThatRampUpIsPreWarmedWithThePodsTheirRampNeeds() {
        warmsUpFor("scan-in", "30s");
        Map<String, Integer> scales = runAt("2026-12-06T19:30:00Z");
        assertEquals(7, scales.get("scan-out"));
        assertTrue(scales.get("scan-in") > 7, scales::toString);
    }

    /** The schedule's warmUpSeconds is taken as it is: the Service's budget, readable or not, is not asked. */
    @Test
    void theSchedulesWarmUpSecondsStandsForTheServicesBudget() {
        warmsUpFor("scan-in", "30s");
        containerEnv("scan-out", new EnvVarBuilder().withName(ServiceWarmUp.AT_START).withNewValueFrom()
                .withNewConfigMapKeyRef("warm-up", "checkin-config", false).endValueFrom().build());
        String told = CONCERT.formatted(", warmUpSeconds: 90");
        assertEquals(Map.of("scan-in", 0, "scan-out", 0), runAt(told, "2026-12-06T17:57:15Z")); // 165 s before
        assertEquals(Map.of("scan-in", 3, "scan-out", 3), runAt(told, "2026-12-06T17:57:16Z")); // 164 s before
    }

    @Test
    void aWarmUpThatCannotBeReadRefusesTheRunBeforeAnythingIsPatched() {
        containerEnv("scan-out", new EnvVar(ServiceWarmUp.AT_START, "true", null),
                new EnvVar(ServiceWarmUp.BUDGET, "a while", null));
        PrewarmException e = assertThrows(PrewarmException.class,
                () -> reconcilerAt("2026-12-06T19:30:00Z").reconcile(SCHEDULE, "test"));
        assertTrue(e.getMessage().contains("scan-out") && e.getMessage().contains(ServiceWarmUp.BUDGET), e.getMessage());
        assertEquals(0, scale("scan-in"));
    }

    @Test
    void aRepeatedRunChangesNothing() {
        runAt("2026-12-06T19:30:00Z");
        String version = knative.revisions().inNamespace(NS).withName("scan-in-00001").get().getMetadata().getResourceVersion();
        runAt("2026-12-06T19:31:00Z");
        assertEquals(version, knative.revisions().inNamespace(NS).withName("scan-in-00001").get().getMetadata()
                .getResourceVersion());
    }

    @Test
    void anInvalidScheduleIsRefusedBeforeAnythingIsPatched() {
        // the concert is valid and due; the festival's bad peak refuses the whole schedule
        String broken = SCHEDULE.replace("peak: 13300", "peak: -1");
        assertThrows(ScheduleException.class, () -> reconcilerAt("2026-12-06T18:30:00Z").reconcile(broken, "t"));
        assertEquals(0, scale("scan-in"));
    }

    /** The festival is taken off the schedule while warm: scan-out, which only it named, goes back to its own scale. */
    @Test
    void aFunctionWhoseEventLeftTheScheduleIsReleasedOnce() {
        assertEquals(Map.of("scan-in", 7, "scan-out", 7), runAt("2026-12-06T19:30:00Z"));
        String concertOnly = SCHEDULE.substring(0, SCHEDULE.indexOf("  - name: festival"));
        assertEquals(Map.of("scan-in", 3, "scan-out", 0), runAt(concertOnly, "2026-12-06T19:31:00Z"));
        var annotations = knative.revisions().inNamespace(NS).withName("scan-out-00001").get().getMetadata()
                .getAnnotations();
        assertFalse(annotations != null && (annotations.containsKey(Prewarmer.PREVIOUS)
                || annotations.containsKey(Prewarmer.OWNER)));
        String version = knative.revisions().inNamespace(NS).withName("scan-out-00001").get().getMetadata()
                .getResourceVersion();
        assertTrue(reconcilerAt("2026-12-06T19:32:00Z").reconcile(concertOnly, "test").stream()
                .allMatch(o -> o.changes().isEmpty()));
        assertEquals(version, knative.revisions().inNamespace(NS).withName("scan-out-00001").get().getMetadata()
                .getResourceVersion());
    }

    /** A pre-warm made by hand (warmup up) is not reconcile's to release. */
    @Test
    void aPrewarmMadeByHandIsLeftAlone() {
        new Prewarmer(knative, NS).up("scan-out", 4, false);
        runAt(CONCERT.formatted("").replace("scan-in, scan-out", "scan-in"), "2026-12-06T18:30:00Z");
        assertEquals(4, scale("scan-out"));
        assertEquals(3, scale("scan-in"));
    }
}
