package io.checkin.warmup.knative;

import java.util.OptionalLong;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;

/** How much CPU (requests) the namespace's ResourceQuotas still allow: the tightest of them. */
public final class Quotas {

    private Quotas() {
    }

    /** Empty when no quota limits CPU requests in the namespace. */
    public static OptionalLong cpuMillisLeft(KubernetesClient kubernetes, String namespace) {
        OptionalLong left = OptionalLong.empty();
        for (ResourceQuota quota : kubernetes.resourceQuotas().inNamespace(namespace).list().getItems()) {
            Quantity hard = cpu(quota.getSpec() == null ? null : quota.getSpec().getHard());
            if (hard == null) {
                continue;
            }
            Quantity used = cpu(quota.getStatus() == null ? null : quota.getStatus().getUsed());
            long remaining = millis(hard) - (used == null ? 0 : millis(used));
            left = OptionalLong.of(left.isPresent() ? Math.min(left.getAsLong(), remaining) : remaining);
        }
        return left;
    }

    private static Quantity cpu(java.util.Map<String, Quantity> resources) {
        if (resources == null) {
            return null;
        }
        return resources.containsKey("requests.cpu") ? resources.get("requests.cpu") : resources.get("cpu");
    }

    private static long millis(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).movePointRight(3).longValue();
    }
}
