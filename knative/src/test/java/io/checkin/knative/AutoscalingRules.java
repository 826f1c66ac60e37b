package io.checkin.knative;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knative's rules for autoscaling annotations (its admission webhook checks them; the CRD schema does
 * not), as written in knative/serving v1.23: names, value ranges, and how values relate.
 */
final class AutoscalingRules {

    static final String PREFIX = "autoscaling.knative.dev/";
    static final Set<String> KNOWN = Set.of("class", "metric", "target", "target-utilization-percentage", "min-scale",
            "max-scale", "initial-scale", "activation-scale", "window", "panic-window-percentage",
            "panic-threshold-percentage", "scale-down-delay", "scale-to-zero-pod-retention-period",
            "target-burst-capacity");

    private AutoscalingRules() {
    }

    static List<String> check(Map<String, String> annotations, Long containerConcurrency) {
        List<String> problems = new ArrayList<>();
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        a.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key.substring(PREFIX.length()))) {
                problems.add("unknown annotation " + key);
            }
        });
        long min = integer(a, "min-scale", 0, Long.MAX_VALUE, 0, problems);
        long max = integer(a, "max-scale", 0, Long.MAX_VALUE, 0, problems);
        if (max != 0 && min > max) {
            problems.add("min-scale " + min + " > max-scale " + max);
        }
        integer(a, "initial-scale", 0, Long.MAX_VALUE, 1, problems);
        if (a.containsKey(PREFIX + "activation-scale")) {
            long activation = integer(a, "activation-scale", 2, Long.MAX_VALUE, 2, problems);
            if (activation < min || (max != 0 && activation > max)) {
                problems.add("activation-scale must be between min-scale and max-scale");
            }
        }
        decimal(a, "target", 0.01, Double.MAX_VALUE, problems);
        decimal(a, "target-utilization-percentage", 1, 100, problems);
        decimal(a, "panic-window-percentage", 1, 100, problems);
        decimal(a, "panic-threshold-percentage", 110, 1000, problems);
        String metric = a.get(PREFIX + "metric");
        if (metric != null && !Set.of("concurrency", "rps").contains(metric)) {
            problems.add("metric must be concurrency or rps, not " + metric);
        }
        duration(a, "window", Duration.ofSeconds(6), Duration.ofHours(1), problems);
        duration(a, "scale-down-delay", Duration.ZERO, Duration.ofHours(1), problems);
        duration(a, "scale-to-zero-pod-retention-period", Duration.ZERO, Duration.ofHours(1), problems);
        if (containerConcurrency != null && (containerConcurrency < 0 || containerConcurrency > 1000)) {
            problems.add("containerConcurrency must be 0 to 1000, not " + containerConcurrency);
        }
        return problems;
    }

    private static long integer(Map<String, String> a, String name, long low, long high, long fallback,
            List<String> problems) {
        String value = a.get(PREFIX + name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < low || parsed > high) {
                problems.add(name + " out of range: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " is not an integer: " + value);
            return fallback;
        }
    }

    private static void decimal(Map<String, String> a, String name, double low, double high, List<String> problems) {
        String value = a.get(PREFIX + name);
        if (value == null) {
            return;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed < low || parsed > high) {
                problems.add(name + " out of range: " + value);
            }
        } catch (NumberFormatException e) {
            problems.add(name + " is not a number: " + value);
        }
    }

    private static void duration(Map<String, String> a, String name, Duration low, Duration high,
            List<String> problems) {
        String value = a.get(PREFIX + name);
        if (value == null) {
            return;
        }
        Duration parsed = parse(value);
        if (parsed == null) {
            problems.add(name + " is not a duration: " + value);
        } else if (parsed.compareTo(low) < 0 || parsed.compareTo(high) > 0) {
            problems.add(name + " out of range: " + value);
        }
    }

    /** Go durations as Knative writes them: 90s, 5m, 1h, 1m30s. */
    static Duration parse(String value) {
        var m = java.util.regex.Pattern.compile("(\\d+)(h|m|s)").matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        return end == value.length() && end > 0 ? total : null;
    }
}
