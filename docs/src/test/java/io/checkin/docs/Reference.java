package io.checkin.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rows of docs/configuration.md's tables, by key, under the heading they stand in. */
final class Reference {

    static final Path FILE = Reactor.ROOT.resolve("docs/configuration.md");

    private Reference() {
    }

    /** Each table row whose first cell is a key in backticks, by that key, within the section that has this heading. */
    static Map<String, String> rows(String heading) {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inside = false;
        boolean seen = false;
        for (String line : lines()) {
            if (line.startsWith("## ")) {
                inside = line.equals("## " + heading);
                seen |= inside;
            } else if (inside && line.startsWith("| `")) {
                String key = line.substring(3, line.indexOf('`', 3));
                if (rows.put(key, line.strip()) != null) {
                    throw new IllegalStateException(FILE + ": " + key + " has two rows");
                }
            }
        }
        if (!seen) {
            throw new IllegalStateException(FILE + " has no section \"## " + heading + "\"");
        }
        return rows;
    }

    /** A row's cells, trimmed: an escaped pipe ({@code \\|}) stays inside its cell. */
    static java.util.List<String> cells(String row) {
        String[] cells = row.strip().split("(?<!\\\\)\\|");
        return java.util.Arrays.stream(cells, 1, cells.length).map(String::strip).toList();
    }

    private static java.util.List<String> lines() {
        try {
            return Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
