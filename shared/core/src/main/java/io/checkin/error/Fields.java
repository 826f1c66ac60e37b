package io.checkin.error;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Input checks that every function shares. Each failure names the offending field, so a client can show
 * the error next to the input that caused it.
 */
public final class Fields {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Fields() {
    }

    /**
     * A required UUID in its canonical form, lower case. Only the 36 ASCII characters of a UUID: no spaces or line
     * breaks around it, and no digits of other scripts (which {@link java.util.UUID#fromString} would read as ASCII
     * ones), so one id has one spelling apart from the case of its hex digits, and those two spellings are one id.
     */
    public static String uuid(String value, String field) {
        required(value, field);
        if (!UUID_TEXT.matcher(value).matches()) {
            throw ProblemException.badRequest("invalid-field", field, field + " must be a UUID");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ProblemException.badRequest("missing-field", field, field + " is required");
        }
        return value;
    }

    /** A required, non-blank text of at most {@code maxLength} characters, trimmed, without control or bidi override characters. */
    public static String text(String value, String field, int maxLength) {
        required(value, field);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw ProblemException.badRequest("blank-field", field, field + " must not be blank");
        }
        return checkText(trimmed, field, maxLength);
    }

    private static String checkText(String value, String field, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ProblemException.badRequest("field-too-long", field,
                    field + " must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)
                    || (Character.isSurrogate(c) && !validSurrogateAt(value, i))) {
                throw ProblemException.badRequest("invalid-characters", field,
                        field + " contains control characters, bidi overrides or broken unicode");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return value;
    }

    /**
     * The explicit embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they reorder how the
     * rest of a text is shown, so a name could read differently from what is stored ("Trojan source").
     * The implicit marks U+200E and U+200F stay allowed; they only nudge neutral characters.
     */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean validSurrogateAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    public static int range(Integer value, String field, int min, int max) {
        required(value, field);
        if (value < min || value > max) {
            throw ProblemException.badRequest("out-of-range", field,
                    field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static <T> List<T> list(List<T> value, String field, int min, int max) {
        required(value, field);
        if (value.size() < min || value.size() > max) {
            throw ProblemException.badRequest("out-of-range", field,
                    field + " must hold between " + min + " and " + max + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            required(value.get(i), field + "[" + i + "]");
        }
        return value;
    }
}
