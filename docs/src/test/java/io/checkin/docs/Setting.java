package io.checkin.docs;

import java.util.List;
import java.util.Locale;

/** One row of the configuration reference: a key, its default, its environment variable, who reads it, its meaning. */
record Setting(String key, String defaultValue, String env, List<String> readBy, String meaning) {

    /** MicroProfile Config's rule: a key's environment variable is the key in upper case, every other character "_". */
    static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The row as the reference writes it. */
    String row() {
        return "| `" + key + "` | " + defaultValue + " | `" + env + "` | " + String.join(", ", readBy) + " | " + meaning
                + " |";
    }
}
