package io.checkin.warmup.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

/** What the tool reads from a Service's first container about the warm-up its pods do before ready. */
class ServiceWarmUpTest {

    private static EnvVar env(String name, String value) {
        return new EnvVar(name, value, null);
    }

    private static Service service(List<Container> containers) {
        return new ServiceBuilder().withNewMetadata().withName("scan-in").endMetadata().withNewSpec().withNewTemplate()
                .withNewSpec().withContainers(containers).endSpec().endTemplate().endSpec().build();
    }

    private static Service service(EnvVar... env) {
        return service(List.of(new ContainerBuilder().withName("scan-in").withEnv(env).build()));
    }

    private static Duration warmUp(String atStart, String budget) {
        List<EnvVar> env = new ArrayList<>();
        if (atStart != null) {
            env.add(env(ServiceWarmUp.AT_START, atStart));
        }
        if (budget != null) {
            env.add(env(ServiceWarmUp.BUDGET, budget));
        }
        return ServiceWarmUp.of(service(env.toArray(EnvVar[]::new)));
    }

    @Test
    void aServiceThatWarmsUpAtStartTakesItsBudget() {
        assertEquals(Duration.ofSeconds(30), warmUp("true", "30s"));
        assertEquals(Duration.ofSeconds(30), warmUp("TRUE", "30s"), "true in any case");
    }

    @Test
    void theBudgetIsReadAsTheFunctionReadsADuration() {
        assertEquals(Duration.ofMinutes(2), warmUp("true", "2m"));
        assertEquals(Duration.ofSeconds(30), warmUp("true", "PT30S"));
        assertEquals(Duration.ofSeconds(45), warmUp("true", "45"), "a plain number is seconds");
        assertEquals(Duration.ofMillis(500), warmUp("true", "500ms"));
    }

    @Test
    void atStartWithoutABudgetIsRefusedRatherThanGuessed() {
        PrewarmException refused = assertThrows(PrewarmException.class, () -> warmUp("true", null));
        assertTrue(refused.getMessage().contains("CHECKIN_WARMUP_BUDGET is not set"), refused.getMessage());
    }

    @Test
    void atStartIsReadAsTheFunctionReadsABoolean() {
        assertEquals(Duration.ofSeconds(30), warmUp("yes", "30s"));
        assertEquals(Duration.ofSeconds(30), warmUp("ON", "30s"));
        assertEquals(Duration.ofSeconds(30), warmUp("1", "30s"));
    }

    @Test
    void withoutTheWarmUpAtStartThereIsNoWarmUpTime() {
        assertEquals(Duration.ZERO, warmUp(null, null), "a native image's Service sets neither");
        assertEquals(Duration.ZERO, warmUp("false", "30s"));
        assertEquals(Duration.ZERO, warmUp("no", "30s"));
        assertEquals(Duration.ZERO, warmUp(null, "30s"), "a budget alone");
        assertEquals(Duration.ZERO, ServiceWarmUp.of(new ServiceBuilder().withNewMetadata().withName("scan-in")
                .endMetadata().build()), "no template");
    }

    @Test
    void onlyTheFirstContainerIsTheFunction() {
        Container function = new ContainerBuilder().withName("scan-in").build();
        Container sidecar = new ContainerBuilder().withName("sidecar")
                .withEnv(env(ServiceWarmUp.AT_START, "true"), env(ServiceWarmUp.BUDGET, "30s")).build();
        assertEquals(Duration.ZERO, ServiceWarmUp.of(service(List.of(function, sidecar))));
    }

    @Test
    void aBudgetThatIsNotADurationIsRefusedNamingTheServiceAndTheVariable() {
        for (String budget : List.of("soon", "30 seconds", "-5s")) {
            PrewarmException e = assertThrows(PrewarmException.class, () -> warmUp("true", budget));
            assertTrue(e.getMessage().contains("scan-in") && e.getMessage().contains(ServiceWarmUp.BUDGET)
                    && e.getMessage().contains(budget), e.getMessage());
        }
    }

    @Test
    void aValueFromAConfigMapIsRefusedRatherThanGuessed() {
        for (String variable : List.of(ServiceWarmUp.AT_START, ServiceWarmUp.BUDGET)) {
            EnvVar fromConfigMap = new EnvVarBuilder().withName(variable).withNewValueFrom().withNewConfigMapKeyRef()
                    .withName("checkin-config").withKey("warmup").endConfigMapKeyRef().endValueFrom().build();
            List<EnvVar> env = new ArrayList<>(List.of(env(ServiceWarmUp.AT_START, "true")));
            env.removeIf(e -> e.getName().equals(variable));
            env.add(fromConfigMap);
            PrewarmException e = assertThrows(PrewarmException.class,
                    () -> ServiceWarmUp.of(service(env.toArray(EnvVar[]::new))));
            assertTrue(e.getMessage().contains("scan-in") && e.getMessage().contains(variable)
                    && e.getMessage().contains("valueFrom"), e.getMessage());
        }
    }
}
