package io.checkin.warmup.knative;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.checkin.warmup.model.AutoscalerSettings;
import io.fabric8.knative.serving.v1.Service;

/**
 * The autoscaler settings a Service's revision template asks for (its {@code autoscaling.knative.dev/*} annotations
 * and {@code containerConcurrency}), config-autoscaler's defaults for the rest. As Knative resolves it, a Service
 * with a container concurrency and no target aims at its container concurrency. The scale-up and scale-down rates
 * are config-autoscaler's only.
 */
public final class ServiceSettings {

    private static final String PREFIX = "autoscaling.knative.dev/";
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private ServiceSettings() {
    }

    public static AutoscalerSettings of(Service service) {
        AutoscalerSettings d = AutoscalerSettings.defaults();
        var template = service.getSpec() == null ? null : service.getSpec().getTemplate();
        Map<String, String> a = template == null || template.getMetadata() == null
                || template.getMetadata().getAnnotations() == null ? Map.of() : template.getMetadata().getAnnotations();
        Long cc = template == null || template.getSpec() == null ? null : template.getSpec().getContainerConcurrency();
        long concurrency = cc == null ? 0 : cc;
        return d.toBuilder()
                .target(number(a, "target", concurrency > 0 ? concurrency : d.target()))
                .utilization(number(a, "target-utilization-percentage", d.utilizationPercentage()))
                .containerConcurrency(concurrency)
                .scale((int) number(a, "min-scale", d.minScale()), (int) number(a, "max-scale", d.maxScale()))
                .stableWindow(duration(a, "window", d.stableWindow()))
                .panicWindowPercentage(number(a, "panic-window-percentage", d.panicWindowPercentage()))
                .panicThreshold(number(a, "panic-threshold-percentage", d.panicThresholdPercentage()))
                .scaleDownDelay(duration(a, "scale-down-delay", d.scaleDownDelay()))
                .targetBurstCapacity(number(a, "target-burst-capacity", d.targetBurstCapacity()))
                .initialScale((int) number(a, "initial-scale", d.initialScale()))
                .activationScale((int) number(a, "activation-scale", d.activationScale()))
                .build();
    }

    private static double number(Map<String, String> annotations, String name, double fallback) {
        String value = annotations.get(PREFIX + name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A Go duration as Knative reads it: 60s, 5m, 1m30s, 1.5h, 500ms. */
    static Duration duration(Map<String, String> annotations, String name, Duration fallback) {
        String value = annotations.get(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Matcher m = GO_DURATION.matcher(value.trim());
        double millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            millis += amount * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            };
            end = m.end();
        }
        return end == value.trim().length() && end > 0 ? Duration.ofMillis(Math.round(millis)) : fallback;
    }
}
