package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;

/**
 * A traffic split is the operator's, set by command: the Service manifests declare none, so re-applying them
 * never resets a canary, and the commands docs/operations.md gives name the Services and splits Knative takes.
 */
class TrafficTest {

    private static final Path OPERATIONS = Manifests.REPO.resolve("docs/operations.md");
    private static final Pattern PATCH = Pattern.compile(
            "kubectl -n (\\S+) patch ksvc (\\S+) --type merge\\s+-p '([^']*)'");

    @Test
    void noServiceManifestDeclaresTrafficSoReApplyingNeverResetsASplit() {
        List<Path> services = Manifests.files().stream().filter(f -> Manifests.parse(f) instanceof Service).toList();
        assertFalse(services.isEmpty());
        for (Path file : services) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) Manifests.yaml(file).get("spec");
            assertFalse(spec.containsKey("traffic"), file.getFileName() + " declares spec.traffic: the next apply would"
                    + " reset a split set by command");
        }
    }

    @Test
    void theCanaryStepsPatchServicesThatExistWithSplitsKnativeTakes() throws Exception {
        String section = section(Files.readString(OPERATIONS), "## Rolling update, canary and rollback");
        Object namespace = Manifests.yaml(Manifests.DIR.resolve("kustomization.yaml")).get("namespace");
        Set<String> services = new HashSet<>();
        Manifests.services().forEach(s -> services.add(s.getMetadata().getName()));
        List<List<TrafficTarget>> splits = new ArrayList<>();
        Matcher patch = PATCH.matcher(section.replace("\\\n", " "));
        while (patch.find()) {
            String service = patch.group(2);
            assertEquals(namespace, patch.group(1), patch.group());
            assertTrue(services.contains(service), service + " is not a Service in knative/");
            Service body = Manifests.SERIALIZATION.unmarshal(patch.group(3), Service.class);
            List<TrafficTarget> traffic = body.getSpec().getTraffic();
            assertEquals(100L, traffic.stream().mapToLong(TrafficTarget::getPercent).sum(), patch.group(3));
            Set<String> tags = new HashSet<>();
            for (TrafficTarget target : traffic) {
                boolean latest = Boolean.TRUE.equals(target.getLatestRevision());
                assertTrue(latest != (target.getRevisionName() != null), "latestRevision or a revisionName: " + patch.group(3));
                assertTrue(latest || target.getRevisionName().matches(Pattern.quote(service) + "-\\d{5}"),
                        target.getRevisionName() + " is not a revision of " + service);
                assertTrue(target.getTag() == null || tags.add(target.getTag()), "tag twice: " + patch.group(3));
            }
            splits.add(traffic);
        }
        assertEquals(4, splits.size(), "pin, canary at 10%, promote, roll back");
        assertEquals(List.of(10L), splits.get(1).stream().filter(t -> Boolean.TRUE.equals(t.getLatestRevision()))
                .map(TrafficTarget::getPercent).toList(), "the canary starts at 10%");
        assertTrue(section.contains("serving.knative.dev/service=") && section.contains("warmup up"), section);
    }

    /** From a heading to the next heading of the same level. */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading + "\n");
        assertTrue(start >= 0, "no section " + heading);
        int end = markdown.indexOf("\n## ", start + heading.length());
        return end < 0 ? markdown.substring(start) : markdown.substring(start, end);
    }
}
