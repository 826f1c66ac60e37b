package io.checkin.warmup.knative;

import java.time.Duration;
import java.util.List;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.Converters;

/**
 * How long a function's pods warm up before they report ready, as its Service sets it on the first container:
 * {@code CHECKIN_WARMUP_AT_START} (a boolean as the function reads it: true, yes, on, 1...) and
 * {@code CHECKIN_WARMUP_BUDGET} (docs/warmup.md, "Pre-heat"). The warm-up time is the budget when the warm-up at start
 * is on, else zero. A value set from a ConfigMap or Secret ({@code valueFrom}), a warm-up at start without its budget
 * (the tool does not know the function's default) and a budget that is not a duration are refused, not guessed.
 */
public final class ServiceWarmUp {

    public static final String AT_START = "CHECKIN_WARMUP_AT_START";
    public static final String BUDGET = "CHECKIN_WARMUP_BUDGET";

    private ServiceWarmUp() {
    }

    /** The time the function's pods warm up before ready: zero unless the Service turns the warm-up at start on. */
    public static Duration of(Service service) {
        String name = service.getMetadata().getName();
        List<EnvVar> env = env(service);
        String atStart = value(name, env, AT_START);
        if (atStart == null || atStart.isBlank() || !Converters.getImplicitConverter(Boolean.class).convert(atStart)) {
            return Duration.ZERO;
        }
        String budget = value(name, env, BUDGET);
        if (budget == null || budget.isBlank()) {
            throw new PrewarmException("Service " + name + ": " + AT_START + " is on but " + BUDGET + " is not set: set "
                    + "it on the container too, so that the lead time covers the warm-up the pods take");
        }
        try {
            Duration parsed = DurationConverter.parseDuration(budget);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the value
        }
        throw new PrewarmException("Service " + name + ": " + BUDGET + " is '" + budget
                + "', not a duration the function reads (30s, 2m, PT30S or a number of seconds)");
    }

    private static List<EnvVar> env(Service service) {
        var template = service.getSpec() == null ? null : service.getSpec().getTemplate();
        List<Container> containers = template == null || template.getSpec() == null ? null
                : template.getSpec().getContainers();
        if (containers == null || containers.isEmpty() || containers.get(0).getEnv() == null) {
            return List.of();
        }
        return containers.get(0).getEnv();
    }

    /** The variable's value (the last entry of that name, as Kubernetes takes it), null when it is not set. */
    private static String value(String service, List<EnvVar> env, String variable) {
        EnvVar found = null;
        for (EnvVar var : env) {
            if (variable.equals(var.getName())) {
                found = var;
            }
        }
        if (found == null) {
            return null;
        }
        if (found.getValueFrom() != null) {
            throw new PrewarmException("Service " + service + ": " + variable + " is set from a ConfigMap or Secret "
                    + "(valueFrom), which the warmup tool does not read: set it as a value on the container, or give "
                    + "the warm-up to reconcile as warmUpSeconds in the schedule");
        }
        return found.getValue() == null ? "" : found.getValue();
    }
}
