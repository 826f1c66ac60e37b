package io.checkin.warmup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.checkin.warmup.knative.ServiceWarmUp;
import io.checkin.warmup.model.AutoscalerSettings;
import io.checkin.warmup.model.WarmUpRamp;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/** plan and simulate read a Service from the cluster as reconcile does: its autoscaler settings and its warm-up. */
@EnableKubernetesMockClient(crud = true)
class ScalingOptionsTest {

    KubernetesClient client;

    @Test
    void theServiceInTheClusterGivesTheSettingsTheWarmUpAndTheRamp() throws Exception {
        client.adapt(KnativeClient.class).services().inNamespace("checkin").resource(new ServiceBuilder().withNewMetadata()
                .withName("scan-in").withNamespace("checkin").endMetadata().withNewSpec().withNewTemplate()
                .withNewMetadata().addToAnnotations("autoscaling.knative.dev/scale-down-delay", "5m")
                .addToAnnotations("autoscaling.knative.dev/max-scale", "30").endMetadata().withNewSpec()
                .withContainerConcurrency(500L).addNewContainer().withName("scan-in")
                .withEnv(new EnvVar(ServiceWarmUp.AT_START, "true", null), new EnvVar(ServiceWarmUp.BUDGET, "30s", null))
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
        ScalingOptions options = new ScalingOptions();
        options.ramp = ScalingOptions.Ramp.auto;
        options.readFromCluster(client, "checkin", "scan-in");
        AutoscalerSettings settings = options.settings(4);
        assertEquals(Duration.ofMinutes(5), settings.scaleDownDelay());
        assertEquals(30, settings.maxScale());
        assertEquals(4, settings.minScale());
        assertEquals(500, settings.containerConcurrency());
        assertEquals(Duration.ofSeconds(30), options.warmUp());
        assertEquals(WarmUpRamp.PREHEATED, options.ramp());
    }
}
