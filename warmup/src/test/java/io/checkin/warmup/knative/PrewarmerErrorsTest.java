package io.checkin.warmup.knative;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** Each way the cluster can say no ends in a message an operator can act on. */
@EnableKubernetesMockClient
class PrewarmerErrorsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void aMissingPermissionNamesTheVerbAndTheRole() {
        server.expect().get().withPath("/apis/serving.knative.dev/v1/namespaces/checkin/services/scan-in")
                .andReturn(403, "{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}")
                .always();
        PrewarmException e = assertThrows(PrewarmException.class,
                () -> new Prewarmer(client.adapt(KnativeClient.class), "checkin").up("scan-in", 3, false));
        assertTrue(e.getMessage().contains("Not allowed to get services.serving.knative.dev in namespace checkin"),
                e.getMessage());
        assertTrue(e.getMessage().contains("21-warmup-role.yaml"), e.getMessage());
    }

    @Test
    void aTemplatePatchWithoutTheOptionalGrantPointsAtIt() {
        Service service = new ServiceBuilder().withNewMetadata().withName("scan-in").withNamespace("checkin").endMetadata()
                .withNewSpec().withNewTemplate().withNewMetadata().endMetadata().endTemplate().endSpec().build();
        server.expect().get().withPath("/apis/serving.knative.dev/v1/namespaces/checkin/services/scan-in")
                .andReturn(200, service).always();
        server.expect().patch().withPath("/apis/serving.knative.dev/v1/namespaces/checkin/services/scan-in")
                .andReturn(403, "{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}")
                .always();
        PrewarmException e = assertThrows(PrewarmException.class,
                () -> new Prewarmer(client.adapt(KnativeClient.class), "checkin").up("scan-in", 3, true));
        assertTrue(e.getMessage().contains("Not allowed to patch services.serving.knative.dev"), e.getMessage());
        assertTrue(e.getMessage().contains("knative/pre-1.21/"), e.getMessage());
    }

    @Test
    void anUnreachableClusterIsSaidSo() {
        try (KubernetesClient nowhere = new KubernetesClientBuilder().withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl("http://127.0.0.1:1")
                        .withRequestRetryBackoffLimit(0).withConnectionTimeout(1000).build()).build()) {
            PrewarmException e = assertThrows(PrewarmException.class,
                    () -> new Prewarmer(nowhere.adapt(KnativeClient.class), "checkin").down("scan-in", false));
            assertTrue(e.getMessage().startsWith("Cannot reach the cluster"), e.getMessage());
        }
    }
}
