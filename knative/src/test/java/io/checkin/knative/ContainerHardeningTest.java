package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

/**
 * Every container the manifests run, the functions', the check-in page's and the warmup job's, runs as Kubernetes' "restricted" Pod
 * Security Standard asks: never root, no privilege escalation, no capabilities, the runtime's seccomp profile, and a
 * read-only root file system whose only writable places are volumes named in the manifest.
 */
class ContainerHardeningTest {

    /** Where the JVM (hsperfdata) and Vert.x (its file cache) write: java.io.tmpdir. */
    private static final String TMP = "/tmp";

    @Test
    void everyContainerRunsNonRootWithoutPrivilegesCapabilitiesOrAWritableRoot() {
        Map<String, Pod> pods = pods();
        assertEquals(Manifests.services().size() + 1, pods.size(), pods.keySet().toString()); // and the warmup job
        List<String> problems = new ArrayList<>();
        pods.forEach((name, pod) -> pod.containers().forEach(c -> restricted(name + "/" + c.getName(), pod, c, problems)));
        // Knative Serving takes a pod-level securityContext only behind kubernetes.podspec-securitycontext (off by
        // default): the functions set theirs on the container, where it needs no feature flag
        Manifests.services().stream().map(s -> s.getMetadata().getName()).filter(s -> pods.get(s).securityContext() != null)
                .forEach(s -> problems.add(s + ": a pod-level securityContext"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyWritablePathIsABoundedEmptyDirAndTmpIsOne() {
        pods().forEach((name, pod) -> {
            for (Container c : pod.containers()) {
                List<String> writable = new ArrayList<>();
                for (VolumeMount mount : c.getVolumeMounts()) {
                    Volume volume = pod.volumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                            .orElseThrow(() -> new AssertionError(name + ": no volume " + mount.getName()));
                    if (!Boolean.TRUE.equals(mount.getReadOnly())) {
                        assertTrue(volume.getEmptyDir() != null, name + ": " + mount.getMountPath() + " is writable but not an emptyDir");
                        assertTrue(volume.getEmptyDir().getSizeLimit() != null, name + ": " + mount.getMountPath() + " is unbounded");
                        assertNull(volume.getEmptyDir().getMedium(), name + ": " + mount.getMountPath()
                                + " in memory would count against the memory limit");
                        writable.add(mount.getMountPath());
                    }
                }
                assertEquals(List.of(TMP), writable, name + "/" + c.getName());
            }
        });
    }

    /** What a Knative revision template and a Kubernetes pod template have alike here. */
    record Pod(List<Container> containers, List<Volume> volumes, PodSecurityContext securityContext) {
    }

    /** The Knative Services' pods and the CronJob's, by name. */
    static Map<String, Pod> pods() {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Service service : Manifests.services()) {
            var spec = service.getSpec().getTemplate().getSpec();
            pods.put(service.getMetadata().getName(), new Pod(spec.getContainers(), spec.getVolumes(), spec.getSecurityContext()));
        }
        for (CronJob job : Manifests.ofKind(CronJob.class)) {
            PodSpec spec = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
            pods.put(job.getMetadata().getName(), new Pod(spec.getContainers(), spec.getVolumes(), spec.getSecurityContext()));
        }
        return pods;
    }

    /** The container's settings, falling back to the pod's where Kubernetes does. */
    private static void restricted(String name, Pod pod, Container container, List<String> problems) {
        SecurityContext c = container.getSecurityContext() != null ? container.getSecurityContext() : new SecurityContext();
        PodSecurityContext p = pod.securityContext() != null ? pod.securityContext() : new PodSecurityContext();
        if (!Boolean.TRUE.equals(first(c.getRunAsNonRoot(), p.getRunAsNonRoot()))) {
            problems.add(name + ": runAsNonRoot is not true");
        }
        // the native image's base names no user, so the kubelet could not tell it is not root
        Long user = first(c.getRunAsUser(), p.getRunAsUser());
        if (user == null || user == 0) {
            problems.add(name + ": no non-root runAsUser");
        }
        if (!Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            problems.add(name + ": allowPrivilegeEscalation is not false");
        }
        if (!Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            problems.add(name + ": readOnlyRootFilesystem is not true");
        }
        if (c.getCapabilities() == null || !List.of("ALL").equals(c.getCapabilities().getDrop())
                || (c.getCapabilities().getAdd() != null && !c.getCapabilities().getAdd().isEmpty())) {
            problems.add(name + ": capabilities do not drop ALL, or add some");
        }
        var seccomp = first(c.getSeccompProfile(), p.getSeccompProfile());
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            problems.add(name + ": seccompProfile is not RuntimeDefault");
        }
        assertFalse(Boolean.TRUE.equals(c.getPrivileged()), name + " is privileged");
    }

    private static <T> T first(T container, T pod) {
        return container != null ? container : pod;
    }
}
