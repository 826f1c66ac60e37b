package io.checkin.warmup.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.checkin.warmup.model.AutoscalerSettings;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Every autoscaler setting the tool reads from a Service's revision template, as Knative resolves it. */
class ServiceSettingsTest {

    private static AutoscalerSettings of(Map<String, String> annotations, Long containerConcurrency) {
        Service service = new ServiceBuilder().withNewMetadata().withName("f").endMetadata().withNewSpec().withNewTemplate()
                .withNewMetadata().withAnnotations(annotations).endMetadata().withNewSpec()
                .withContainerConcurrency(containerConcurrency).endSpec().endTemplate().endSpec().build();
        return ServiceSettings.of(service);
    }

    @Test
    void scanInsManifestSetsItsTargetCapDelayAndPanicThreshold() throws Exception {
        Service scanIn = Serialization.unmarshal(Files.readString(Path.of("../knative/11-service-scan-in.yaml")),
                Service.class);
        AutoscalerSettings s = ServiceSettings.of(scanIn);
        assertEquals(100, s.target());
        assertEquals(70, s.utilizationPercentage());
        assertEquals(500, s.containerConcurrency());
        assertEquals(30, s.maxScale());
        assertEquals(Duration.ofMinutes(5), s.scaleDownDelay());
        assertEquals(150, s.panicThresholdPercentage());
        assertEquals(AutoscalerSettings.defaults().targetBurstCapacity(), s.targetBurstCapacity());
    }

    @Test
    void everyAutoscalingAnnotationIsRead() {
        String p = "autoscaling.knative.dev/";
        AutoscalerSettings s = of(Map.of(p + "window", "1m30s", p + "panic-window-percentage", "20",
                p + "target-burst-capacity", "-1", p + "initial-scale", "3", p + "activation-scale", "2",
                p + "min-scale", "1", p + "scale-down-delay", "500ms"), null);
        assertEquals(Duration.ofSeconds(90), s.stableWindow());
        assertEquals(Duration.ofSeconds(18), s.panicWindow());
        assertEquals(-1, s.targetBurstCapacity());
        assertEquals(3, s.initialScale());
        assertEquals(2, s.activationScale());
        assertEquals(1, s.minScale());
        assertEquals(Duration.ofMillis(500), s.scaleDownDelay());
    }

    @Test
    void withoutATargetAServiceAimsAtItsContainerConcurrency() {
        assertEquals(8 * 0.7, of(Map.of(), 8L).effectiveTarget(), 1e-9);
        assertEquals(100 * 0.7, of(Map.of(), null).effectiveTarget(), 1e-9);
    }

    @Test
    void aDurationKnativeWouldNotReadKeepsTheDefault() {
        assertEquals(Duration.ofSeconds(60), of(Map.of("autoscaling.knative.dev/window", "a minute"), null).stableWindow());
    }
}
