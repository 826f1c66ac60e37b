package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1.Service;

class AutoscalingTest {

    @Test
    void everyServiceFollowsKnativesAutoscalingRules() {
        for (Service service : Manifests.services()) {
            var template = service.getSpec().getTemplate();
            assertEquals(List.of(), AutoscalingRules.check(template.getMetadata().getAnnotations(),
                    template.getSpec().getContainerConcurrency()), service.getMetadata().getName());
        }
    }

    @Test
    void autoscalingAnnotationsSitOnTheRevisionTemplateNotOnTheService() {
        for (Service service : Manifests.services()) {
            Map<String, String> own = service.getMetadata().getAnnotations();
            assertTrue(own == null || own.keySet().stream().noneMatch(k -> k.startsWith(AutoscalingRules.PREFIX)),
                    service.getMetadata().getName());
            assertTrue(service.getSpec().getTemplate().getMetadata().getAnnotations().containsKey(
                    AutoscalingRules.PREFIX + "max-scale"), service.getMetadata().getName() + " bounds its scale");
        }
    }

    @Test
    void everyAutoscalingValueComesWithACommentSayingWhy() throws Exception {
        for (Path file : Manifests.files()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).trim().startsWith(AutoscalingRules.PREFIX)) {
                    continue;
                }
                int above = i - 1;
                while (above >= 0 && lines.get(above).trim().startsWith(AutoscalingRules.PREFIX)) {
                    above--;
                }
                assertTrue(above >= 0 && lines.get(above).trim().startsWith("#"),
                        file.getFileName() + ":" + (i + 1) + " has no comment: " + lines.get(i).trim());
            }
        }
    }

    @Test
    void theRulesCatchWhatKnativeWouldRefuse() {
        Map<String, String> bad = Map.of(
                "autoscaling.knative.dev/min-scale", "5",
                "autoscaling.knative.dev/max-scale", "3",
                "autoscaling.knative.dev/target-utilization-percentage", "120",
                "autoscaling.knative.dev/window", "2s",
                "autoscaling.knative.dev/panic-threshold-percentage", "100",
                "autoscaling.knative.dev/metric", "cpu",
                "autoscaling.knative.dev/scale-down-delay", "2h",
                "autoscaling.knative.dev/minScale", "1");
        List<String> problems = AutoscalingRules.check(bad, 2000L);
        assertEquals(8, problems.size(), problems.toString());
    }

    @Test
    void goDurationsParse() {
        assertEquals(java.time.Duration.ofSeconds(90), AutoscalingRules.parse("1m30s"));
        assertEquals(java.time.Duration.ofMinutes(5), AutoscalingRules.parse("5m"));
        assertEquals(null, AutoscalingRules.parse("5 minutes"));
    }
}
