package io.checkin.warmup.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

@EnableKubernetesMockClient(crud = true)
class QuotasTest {

    KubernetesClient client;

    @Test
    void noQuotaMeansNoLimit() {
        assertEquals(OptionalLong.empty(), Quotas.cpuMillisLeft(client, "free"));
    }

    @Test
    void theTightestQuotaCounts() {
        quota("compute", "requests.cpu", "20", "12500m");
        quota("team", "cpu", "10", "1");
        quota("memory-only", "requests.memory", "64Gi", "1Gi");
        assertEquals(OptionalLong.of(7_500), Quotas.cpuMillisLeft(client, "checkin"));
    }

    private void quota(String name, String resource, String hard, String used) {
        client.resourceQuotas().inNamespace("checkin").resource(new ResourceQuotaBuilder().withNewMetadata()
                .withName(name).withNamespace("checkin").endMetadata().withNewSpec()
                .addToHard(resource, new Quantity(hard)).endSpec().withNewStatus()
                .addToUsed(resource, new Quantity(used)).endStatus().build()).create();
    }
}
