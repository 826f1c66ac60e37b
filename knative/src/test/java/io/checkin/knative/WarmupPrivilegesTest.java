package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/** The warmup CronJob holds only what pre-warming needs (how it runs: ContainerHardeningTest). */
class WarmupPrivilegesTest {

    private static Map<String, List<String>> verbsByResource(Role role) {
        Map<String, List<String>> verbs = new TreeMap<>();
        for (PolicyRule rule : role.getRules()) {
            assertEquals(List.of("serving.knative.dev"), rule.getApiGroups(), role.getMetadata().getName());
            rule.getResources().forEach(r -> verbs.merge(r, rule.getVerbs().stream().sorted().toList(),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).sorted().toList()));
        }
        return verbs;
    }

    @Test
    void theRoleReadsServicesAndPatchesOnlyRevisions() {
        List<Role> roles = Manifests.ofKind(Role.class);
        assertEquals(1, roles.size(), "one Role is applied by default");
        assertEquals(Map.of("revisions", List.of("get", "list", "patch"), "services", List.of("get")),
                verbsByResource(roles.get(0)));
    }

    @Test
    void patchingServicesIsASeparateOptionalGrantForOldClusters() {
        Path dir = Manifests.DIR.resolve("pre-1.21");
        Role fallback = (Role) Manifests.parse(dir.resolve("warmup-role-template-fallback.yaml"));
        assertEquals(Map.of("services", List.of("patch")), verbsByResource(fallback));
        RoleBinding binding = (RoleBinding) Manifests.parse(dir.resolve("warmup-rolebinding-template-fallback.yaml"));
        assertEquals(fallback.getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals("checkin-warmup", binding.getSubjects().get(0).getName());
        assertEquals(List.of("warmup-role-template-fallback.yaml", "warmup-rolebinding-template-fallback.yaml"),
                Manifests.yaml(dir.resolve("kustomization.yaml")).get("resources"));
        assertFalse(Manifests.yaml(Manifests.DIR.resolve("kustomization.yaml")).toString().contains("pre-1.21"),
                "not applied by default");
    }

    @Test
    void missedRunsAreSkippedNotPiledUp() {
        CronJob job = Manifests.ofKind(CronJob.class).get(0);
        assertEquals("Forbid", job.getSpec().getConcurrencyPolicy());
        Long deadline = job.getSpec().getStartingDeadlineSeconds();
        assertTrue(deadline != null && deadline > 0 && deadline < 60, "startingDeadlineSeconds within the minute: " + deadline);
    }
}
