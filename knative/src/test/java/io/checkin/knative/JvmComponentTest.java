package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.zjsonpatch.JsonPatch;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The component for JVM images (knative/jvm) raises the memory limit of every function, and only theirs, to what a
 * JVM was measured to need, and has the functions that take bursts warm up before ready; kustomize reads a target's name as a
 * regular expression. {@link #rendered} applies the component's patches to the Services as kustomize does.
 */
class JvmComponentTest {

    private static final String MEMORY = "/spec/template/spec/containers/0/resources/limits/memory";
    private static final String AT_START = ConfigKeys.env("checkin.warmup.at-start");
    private static final String BUDGET = ConfigKeys.env("checkin.warmup.budget");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> patches() {
        Map<String, Object> component = Manifests.yaml(Manifests.DIR.resolve("jvm/kustomization.yaml"));
        return (List<Map<String, Object>>) component.get("patches");
    }

    private static Map<String, Object> memoryPatch() {
        List<Map<String, Object>> memory = patches().stream().filter(p -> ((String) p.get("patch")).contains(MEMORY))
                .toList();
        assertEquals(1, memory.size());
        return memory.get(0);
    }

    @SuppressWarnings("unchecked")
    private static boolean targets(Map<String, Object> patch, Service service) {
        Map<String, Object> target = (Map<String, Object>) patch.get("target");
        return "Service".equals(target.get("kind"))
                && Pattern.compile((String) target.get("name")).matcher(service.getMetadata().getName()).matches();
    }

    /** Each Service as the component leaves it: the JSON patches that target it, applied in order. */
    private static List<Service> rendered() {
        return Manifests.services().stream().map(service -> {
            JsonNode json = Manifests.SERIALIZATION.convertValue(service, JsonNode.class);
            for (Map<String, Object> patch : patches()) {
                if (targets(patch, service)) {
                    List<?> operations = Manifests.SERIALIZATION.unmarshal((String) patch.get("patch"), List.class);
                    json = JsonPatch.apply(Manifests.SERIALIZATION.convertValue(operations, JsonNode.class), json);
                }
            }
            return Manifests.SERIALIZATION.convertValue(json, Service.class);
        }).toList();
    }

    private static Map<String, EnvVar> env(Service service) {
        return service.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    @Test
    void itTargetsEveryFunctionAndNotThePage() {
        for (Service service : Manifests.services()) {
            String name = service.getMetadata().getName();
            assertEquals(Manifests.functionModules().contains(name), targets(memoryPatch(), service), name);
        }
    }

    @Test
    void itRaisesTheLimitEveryFunctionSetsToWhatAJvmNeeds() {
        String patch = (String) memoryPatch().get("patch");
        assertTrue(patch.contains("path: " + MEMORY), patch);
        Quantity raised = new Quantity(patch.replaceAll("(?s).*value: (\\S+).*", "$1"));
        assertTrue(Quantity.getAmountInBytes(raised).longValue() >= 320L << 20, "docs/operations.md, Memory: 320 MiB");
        for (Service service : Manifests.functionServices()) {
            Quantity own = service.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
                    .get("memory");
            assertTrue(Quantity.getAmountInBytes(raised).compareTo(Quantity.getAmountInBytes(own)) > 0,
                    service.getMetadata().getName());
        }
    }

    /**
     * docs/warmup.md, "Pre-heat": the JIT compiles the paths of bursts (scans, bulk onboarding) before ready; a native
     * image has nothing to warm, and query-history has no warm-up. The
     * variables set keys the code reads, and every variable the base sets stays.
     */
    @Test
    void theFunctionsThatTakeBurstsAndOnlyTheyWarmUpAtStartWithinThirtySeconds() {
        Set<String> known = ConfigKeys.all().stream().map(ConfigKeys::env).collect(Collectors.toSet());
        assertTrue(known.contains(AT_START) && known.contains(BUDGET), AT_START + ", " + BUDGET);
        Map<String, Service> base = Manifests.services().stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        Set<String> warming = Set.of("generate-code", "scan-in", "scan-out");
        for (Service service : rendered()) {
            String name = service.getMetadata().getName();
            Map<String, EnvVar> env = env(service);
            assertTrue(env.values().containsAll(env(base.get(name)).values()), name);
            if (warming.contains(name)) {
                assertEquals("true", value(env, AT_START), name);
                assertEquals(Duration.ofSeconds(30), DurationConverter.parseDuration(value(env, BUDGET)), name);
            } else {
                assertNull(env.get(AT_START), name);
                assertNull(env.get(BUDGET), name);
            }
        }
    }

    private static String value(Map<String, EnvVar> env, String name) {
        assertTrue(env.containsKey(name), name + " not set");
        return env.get(name).getValue();
    }
}
