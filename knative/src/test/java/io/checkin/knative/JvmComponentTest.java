package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The component for JVM images (knative/jvm) raises the memory limit of every function, and only theirs, to what a
 * JVM was measured to need; kustomize reads the target's name as a regular expression.
 */
class JvmComponentTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> patch() {
        Map<String, Object> component = Manifests.yaml(Manifests.DIR.resolve("jvm/kustomization.yaml"));
        List<Map<String, Object>> patches = (List<Map<String, Object>>) component.get("patches");
        assertEquals(1, patches.size());
        return patches.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void itTargetsEveryFunctionAndNotThePage() {
        Map<String, Object> target = (Map<String, Object>) patch().get("target");
        assertEquals("Service", target.get("kind"));
        Pattern names = Pattern.compile((String) target.get("name"));
        for (Service service : Manifests.services()) {
            String name = service.getMetadata().getName();
            assertEquals(Manifests.functionModules().contains(name), names.matcher(name).matches(), name);
        }
    }

    @Test
    void itRaisesTheLimitEveryFunctionSetsToWhatAJvmNeeds() {
        String patch = (String) patch().get("patch");
        assertTrue(patch.contains("path: /spec/template/spec/containers/0/resources/limits/memory"), patch);
        Quantity raised = new Quantity(patch.replaceAll("(?s).*value: (\\S+).*", "$1"));
        assertTrue(Quantity.getAmountInBytes(raised).longValue() >= 320L << 20, "docs/operations.md, Memory: 320 MiB");
        for (Service service : Manifests.functionServices()) {
            Quantity own = service.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
                    .get("memory");
            assertTrue(Quantity.getAmountInBytes(raised).compareTo(Quantity.getAmountInBytes(own)) > 0,
                    service.getMetadata().getName());
        }
    }
}
