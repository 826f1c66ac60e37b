package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.HasMetadata;

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

    /**
     * On Knative older than 1.21 the CronJob must pre-warm through the template: the component that grants the patch of
     * Services also turns the fallback on, and, being part of the kustomization, every later apply keeps both.
     */
    @Test
    void onOldClustersOneComponentGrantsAndTurnsOnTheTemplateFallback(@TempDir Path copy) throws Exception {
        Path kustomization = Kustomize.copy(copy).resolve("kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization).replace("components:\n", "components:\n  - pre-1.21\n"));
        List<HasMetadata> old = Kustomize.render(copy);
        List<HasMetadata> current = Kustomize.render(Manifests.DIR);
        assertEquals(List.of("reconcile", "--schedule", "/etc/checkin/warmup/schedule.yaml", "--template"), args(old));
        assertFalse(args(current).contains("--template"), "Knative 1.21 and later patch Revisions");
        List<String> fallback = List.of("Role/checkin-warmup-template-fallback", "RoleBinding/checkin-warmup-template-fallback");
        for (String grant : fallback) {
            assertTrue(old.stream().anyMatch(r -> grant.equals(r.getKind() + "/" + r.getMetadata().getName())
                    && "checkin".equals(r.getMetadata().getNamespace())), grant);
            assertFalse(current.stream().anyMatch(r -> grant.equals(r.getKind() + "/" + r.getMetadata().getName())), grant);
        }
    }

    private static List<String> args(List<HasMetadata> rendered) {
        return rendered.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).findFirst().orElseThrow()
                .getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    }

    @Test
    void missedRunsAreSkippedNotPiledUp() {
        CronJob job = Manifests.ofKind(CronJob.class).get(0);
        assertEquals("Forbid", job.getSpec().getConcurrencyPolicy());
        Long deadline = job.getSpec().getStartingDeadlineSeconds();
        assertTrue(deadline != null && deadline > 0 && deadline < 60, "startingDeadlineSeconds within the minute: " + deadline);
    }
}
