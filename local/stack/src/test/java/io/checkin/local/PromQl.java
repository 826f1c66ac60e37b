package io.checkin.local;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads, as written: with any suffix (_bucket, _count, _total) it carries. */
final class PromQl {

    /** What is never a metric: strings, label matchers, ranges and offsets, grouping clauses, Grafana's variables. */
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\"[^\"]*\"|\\{[^}]*}|\\[[^]]*]|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\\$\\w+");
    /** An identifier not followed by "(": a function's name is. */
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(NOT_NAMES.matcher(expression).replaceAll(" "));
        while (identifiers.find()) {
            if (!KEYWORDS.contains(identifiers.group(1))) {
                names.add(identifiers.group(1));
            }
        }
        return names;
    }
}
