package io.checkin.warmup.schedule;

import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a schedule of events; every problem is reported with its line, and a schedule with any problem is
 * refused whole, so nothing is patched from half a schedule.
 * <pre>
 * events:
 *   - name: city-marathon
 *     functions: [scan-in, scan-out]
 *     start: 2026-12-06T07:00:00Z
 *     end: 2026-12-06T14:00:00Z
 *     peak: 13300            # requests/s per function at the peak
 *     serviceTimeMs: 20       # optional, default 20
 *     maxRatePerPod: 5000     # optional, measured; default none
 *     podStartupSeconds: 10   # optional, default 10
 *     warmUpSeconds: 30       # optional, default: what the function's Service sets (CHECKIN_WARMUP_BUDGET)
 *     marginSeconds: 60       # optional, default 60
 *     minScale: 4             # optional: warm exactly this many, no planning
 * </pre>
 */
public final class ScheduleParser {

    static final Set<String> FIELDS = Set.of("name", "functions", "start", "end", "peak", "serviceTimeMs",
            "maxRatePerPod", "podStartupSeconds", "warmUpSeconds", "marginSeconds", "minScale");

    private ScheduleParser() {
    }

    public static List<Event> parse(String yaml, String source) {
        return parse(new StringReader(yaml), source);
    }

    public static List<Event> parse(Reader yaml, String source) {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(yaml);
        } catch (RuntimeException e) {
            throw new ScheduleException(source, List.of("not YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        List<Event> events = new ArrayList<>();
        if (root == null) {
            return events;
        }
        Node list = root instanceof MappingNode map ? value(map, "events") : null;
        if (!(list instanceof SequenceNode sequence)) {
            throw new ScheduleException(source, List.of(line(root) + ": expected 'events:' with a list of events"));
        }
        Set<String> names = new HashSet<>();
        for (Node item : sequence.getValue()) {
            Event event = event(item, problems);
            if (event != null) {
                if (!names.add(event.name())) {
                    problems.add(line(item) + ": a second event named " + event.name());
                }
                events.add(event);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScheduleException(source, problems);
        }
        return events;
    }

    private static Event event(Node node, List<String> problems) {
        if (!(node instanceof MappingNode map)) {
            problems.add(line(node) + ": an event is a mapping (name:, functions:, start:, end:, peak:)");
            return null;
        }
        int before = problems.size();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!FIELDS.contains(key)) {
                problems.add(line(tuple.getKeyNode()) + ": unknown field '" + key + "'");
            }
        }
        String name = required(map, "name", s -> s, problems);
        List<String> functions = functions(map, problems);
        Instant start = required(map, "start", Instant::parse, problems);
        Instant end = required(map, "end", Instant::parse, problems);
        Integer minScale = optional(map, "minScale", Integer::valueOf, null, problems);
        Double peak = minScale != null ? optional(map, "peak", Double::valueOf, 0.0, problems)
                : required(map, "peak", Double::valueOf, problems);
        double serviceMs = optional(map, "serviceTimeMs", Double::valueOf, 20.0, problems);
        double perPod = optional(map, "maxRatePerPod", Double::valueOf, 0.0, problems);
        long startup = optional(map, "podStartupSeconds", Long::valueOf, 10L, problems);
        Long warmUp = optional(map, "warmUpSeconds", Long::valueOf, null, problems);
        long margin = optional(map, "marginSeconds", Long::valueOf, 60L, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(line(value(map, "end")) + ": end must be after start");
        }
        if (peak != null && minScale == null && peak <= 0) {
            problems.add(line(value(map, "peak")) + ": peak must be positive");
        }
        if (minScale != null && minScale < 1) {
            problems.add(line(value(map, "minScale")) + ": minScale must be at least 1");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Event(name, functions, start, end, peak, Duration.ofNanos((long) (serviceMs * 1e6)), perPod,
                Duration.ofSeconds(startup), warmUp == null ? null : Duration.ofSeconds(warmUp), Duration.ofSeconds(margin),
                minScale, map.getStartMark().getLine() + 1);
    }

    private static List<String> functions(MappingNode map, List<String> problems) {
        Node node = value(map, "functions");
        if (node == null) {
            problems.add(line(map) + ": missing 'functions'");
            return List.of();
        }
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.add(line(node) + ": 'functions' is a non-empty list of function names");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Node item : list.getValue()) {
            String name = scalar(item);
            if (name == null || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                problems.add(line(item) + ": '" + name + "' is not a function (Knative Service) name");
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static <T> T required(MappingNode map, String key, Function<String, T> convert, List<String> problems) {
        Node node = value(map, key);
        if (node == null) {
            problems.add(line(map) + ": missing '" + key + "'");
            return null;
        }
        return convert(node, key, convert, problems);
    }

    private static <T> T optional(MappingNode map, String key, Function<String, T> convert, T fallback,
            List<String> problems) {
        Node node = value(map, key);
        if (node == null) {
            return fallback;
        }
        T value = convert(node, key, convert, problems);
        return value == null ? fallback : value;
    }

    private static <T> T convert(Node node, String key, Function<String, T> convert, List<String> problems) {
        String text = scalar(node);
        try {
            if (text == null) {
                throw new IllegalArgumentException();
            }
            return convert.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(line(node) + ": '" + key + "' has a value that cannot be read: " + text);
            return null;
        }
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String line(Node node) {
        return "line " + (node.getStartMark().getLine() + 1);
    }
}
