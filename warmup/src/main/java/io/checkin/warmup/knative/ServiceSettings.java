package io.checkin.warmup.knative;

import java.util.Map;

import io.checkin.warmup.model.AutoscalerSettings;
import io.fabric8.knative.serving.v1.Service;

/** The autoscaler settings a Service's revision template asks for, Knative's defaults for the rest. */
public final class ServiceSettings {

    private ServiceSettings() {
    }

    public static AutoscalerSettings of(Service service) {
        AutoscalerSettings d = AutoscalerSettings.defaults();
        var template = service.getSpec() == null ? null : service.getSpec().getTemplate();
        Map<String, String> a = template == null || template.getMetadata() == null
                || template.getMetadata().getAnnotations() == null ? Map.of() : template.getMetadata().getAnnotations();
        Long cc = template == null || template.getSpec() == null ? null : template.getSpec().getContainerConcurrency();
        return new AutoscalerSettings(number(a, "target", d.target()),
                number(a, "target-utilization-percentage", d.utilizationPercentage()), cc == null ? 0 : cc,
                (int) number(a, "min-scale", d.minScale()), (int) number(a, "max-scale", d.maxScale()),
                d.stableWindow(), number(a, "panic-window-percentage", d.panicWindowPercentage()),
                number(a, "panic-threshold-percentage", d.panicThresholdPercentage()), d.maxScaleUpRate(),
                d.maxScaleDownRate(), d.scaleDownDelay(), d.scaleToZeroGracePeriod());
    }

    private static double number(Map<String, String> annotations, String name, double fallback) {
        String value = annotations.get("autoscaling.knative.dev/" + name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
