package io.checkin.warmup.knative;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Raises and restores a function's {@code autoscaling.knative.dev/min-scale}. On Knative 1.21 and later the
 * annotation of an existing Revision can be patched and is synced to its autoscaler without a new
 * Revision, so {@link #up} patches every Revision that receives traffic, each with its share of the pods
 * ({@link #shares}: a 10% canary gets a tenth, not all of them again); the template fallback, for older
 * clusters, patches the Service's template instead, which rolls out a new Revision. The value that was
 * there before is kept in an annotation of our own, so {@link #down} restores it exactly. Repeating either
 * call changes nothing.
 */
public final class Prewarmer {

    /** Only the template fallback (Knative older than 1.21) patches Services; its grant is separate. */
    private static final String PATCH_SERVICES = "patch services.serving.knative.dev";
    private static final String PATCH_REVISIONS = "patch revisions.serving.knative.dev";

    public static final String MIN_SCALE = "autoscaling.knative.dev/min-scale";
    /** The min-scale before pre-warming ("" for none); present exactly while a pre-warm is in place. */
    public static final String PREVIOUS = "checkin.io/prewarm-previous-min-scale";
    /** Who raised the min-scale, when not by hand: reconcile marks what it warmed, to release it when unwanted. */
    public static final String OWNER = "checkin.io/prewarm-owner";
    public static final String RECONCILE = "reconcile";
    static final String SERVICE_LABEL = "serving.knative.dev/service";

    private final KnativeClient knative;
    private final String namespace;

    public Prewarmer(KnativeClient knative, String namespace) {
        this.knative = knative;
        this.namespace = namespace;
    }

    /** One annotation changed: on which object, from what (null: absent) to what (null: removed). */
    public record Change(String target, String from, String to) {

        /** As the commands print it: {@code revision/scan-in-00003: min-scale null -> 1}. */
        public String describe() {
            return target + ": min-scale " + from + " -> " + to;
        }
    }

    /**
     * A Revision that receives traffic: its percent of the Service's traffic (summed over every traffic target
     * that names it, tagged or not) and the min-scale it gets of the Service's.
     */
    public record Share(String revision, long percent, int minScale) {
    }

    public List<Change> up(String service, int minScale, boolean viaTemplate) {
        return up(service, minScale, viaTemplate, null);
    }

    /** As {@link #up(String, int, boolean)}, marking the Revisions with {@code owner} (null: by hand, unmarked). */
    public List<Change> up(String service, int minScale, boolean viaTemplate, String owner) {
        if (minScale < 1) {
            throw new IllegalArgumentException("min-scale must be at least 1");
        }
        if (viaTemplate) {
            String value = String.valueOf(minScale);
            return call(PATCH_SERVICES, () -> editTemplate(service, a -> raise(a, value, owner)));
        }
        List<Change> changes = new ArrayList<>();
        for (Share share : shares(service(service), minScale)) {
            String value = String.valueOf(share.minScale());
            Change change = call(PATCH_REVISIONS, () -> editRevision(share.revision(), a -> raise(a, value, owner)));
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    public List<Change> down(String service, boolean viaTemplate) {
        if (viaTemplate) {
            return call(PATCH_SERVICES, () -> editTemplate(service, Prewarmer::restore));
        }
        service(service);
        List<Change> changes = new ArrayList<>();
        List<Revision> revisions = call("list revisions.serving.knative.dev", () -> knative.revisions()
                .inNamespace(namespace).withLabel(SERVICE_LABEL, service).list().getItems());
        for (Revision revision : revisions) {
            Map<String, String> annotations = revision.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey(PREVIOUS)) {
                Change change = call(PATCH_REVISIONS, () -> editRevision(revision.getMetadata().getName(), Prewarmer::restore));
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    /** The functions with a Revision in the namespace that {@code owner} pre-warmed and nobody released since. */
    public Set<String> warmedBy(String owner) {
        Set<String> functions = new TreeSet<>();
        for (Revision revision : call("list revisions.serving.knative.dev",
                () -> knative.revisions().inNamespace(namespace).list().getItems())) {
            ObjectMeta meta = revision.getMetadata();
            if (owner.equals(annotations(meta).get(OWNER)) && meta.getLabels() != null
                    && meta.getLabels().get(SERVICE_LABEL) != null) {
                functions.add(meta.getLabels().get(SERVICE_LABEL));
            }
        }
        return functions;
    }

    /**
     * How {@code minScale} pods split over the Revisions that receive traffic now (the Service's status.traffic):
     * each gets ceil(minScale x its percent / 100), at least 1, so 10 pods over a 90/10 canary are 9 and 1, and
     * 3 over 50/50 are 2 and 2 (rounding up keeps each Revision's own peak covered). A Service without traffic
     * in its status (not routed yet): its latest ready Revision, with all of it.
     */
    public List<Share> shares(Service service, int minScale) {
        Map<String, Long> percents = new LinkedHashMap<>();
        if (service.getStatus() != null && service.getStatus().getTraffic() != null) {
            for (TrafficTarget target : service.getStatus().getTraffic()) {
                if (target.getRevisionName() != null && target.getPercent() != null && target.getPercent() > 0) {
                    percents.merge(target.getRevisionName(), target.getPercent(), Long::sum);
                }
            }
        }
        if (percents.isEmpty() && service.getStatus() != null && service.getStatus().getLatestReadyRevisionName() != null) {
            percents.put(service.getStatus().getLatestReadyRevisionName(), 100L);
        }
        if (percents.isEmpty()) {
            throw new PrewarmException("Service " + service.getMetadata().getName() + " has no ready revision yet");
        }
        List<Share> shares = new ArrayList<>();
        percents.forEach((revision, percent) -> shares.add(new Share(revision, percent, share(minScale, percent))));
        return shares;
    }

    static int share(int minScale, long percent) {
        long ofHundred = Math.min(percent, 100);
        return (int) Math.max(1, (minScale * ofHundred + 99) / 100);
    }

    public Service service(String name) {
        Service service = call("get services.serving.knative.dev",
                () -> knative.services().inNamespace(namespace).withName(name).get());
        if (service == null) {
            throw new PrewarmException("No Knative Service " + name + " in namespace " + namespace);
        }
        return service;
    }

    public Revision revision(String name) {
        return call("get revisions.serving.knative.dev", () -> knative.revisions().inNamespace(namespace).withName(name).get());
    }

    private Change editRevision(String name, UnaryOperator<Map<String, String>> change) {
        Revision current = revision(name);
        if (current == null) {
            throw new PrewarmException("No Revision " + name + " in namespace " + namespace);
        }
        Map<String, String> before = annotations(current.getMetadata());
        Map<String, String> after = change.apply(new HashMap<>(before));
        if (after.equals(before)) {
            return null;
        }
        knative.revisions().inNamespace(namespace).withName(name).edit(r -> {
            r.getMetadata().setAnnotations(after);
            return r;
        });
        return new Change("revision/" + name, before.get(MIN_SCALE), after.get(MIN_SCALE));
    }

    private List<Change> editTemplate(String name, UnaryOperator<Map<String, String>> change) {
        Service current = service(name);
        ObjectMeta meta = current.getSpec().getTemplate().getMetadata();
        Map<String, String> before = annotations(meta);
        Map<String, String> after = change.apply(new HashMap<>(before));
        if (after.equals(before)) {
            return List.of();
        }
        knative.services().inNamespace(namespace).withName(name).edit(s -> {
            if (s.getSpec().getTemplate().getMetadata() == null) {
                s.getSpec().getTemplate().setMetadata(new ObjectMeta());
            }
            s.getSpec().getTemplate().getMetadata().setAnnotations(after);
            return s;
        });
        return List.of(new Change("service/" + name + " (template: a new revision)", before.get(MIN_SCALE),
                after.get(MIN_SCALE)));
    }

    private static Map<String, String> raise(Map<String, String> annotations, String value, String owner) {
        if (!annotations.containsKey(PREVIOUS)) {
            annotations.put(PREVIOUS, annotations.getOrDefault(MIN_SCALE, ""));
        }
        if (owner != null) {
            annotations.put(OWNER, owner);
        }
        annotations.put(MIN_SCALE, value);
        return annotations;
    }

    private static Map<String, String> restore(Map<String, String> annotations) {
        String previous = annotations.remove(PREVIOUS);
        annotations.remove(OWNER);
        if (previous == null) {
            return annotations;
        }
        if (previous.isEmpty()) {
            annotations.remove(MIN_SCALE);
        } else {
            annotations.put(MIN_SCALE, previous);
        }
        return annotations;
    }

    private static Map<String, String> annotations(ObjectMeta meta) {
        return meta == null || meta.getAnnotations() == null ? Map.of() : new HashMap<>(meta.getAnnotations());
    }

    /** Runs a cluster call and turns its failure into a message an operator can act on. */
    private <T> T call(String permission, Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                String role = permission.equals(PATCH_SERVICES)
                        ? "the optional Role for clusters older than Knative 1.21 (kubectl apply -k knative/pre-1.21/)"
                        : "the Role in knative/21-warmup-role.yaml";
                throw new PrewarmException("Not allowed to " + permission + " in namespace " + namespace
                        + ": give the warmup ServiceAccount " + role, e);
            }
            if (unreachable(e)) {
                throw new PrewarmException("Cannot reach the cluster (" + rootMessage(e) + "): check the kubeconfig "
                        + "or the in-cluster service account", e);
            }
            throw new PrewarmException("The cluster refused to " + permission + ": " + e.getMessage(), e);
        }
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Connection refused"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
