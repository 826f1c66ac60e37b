package io.checkin.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A method's Javadoc, read from its source file: its first sentence, as Markdown. */
final class Javadoc {

    private static final Pattern COMMENT = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/", Pattern.DOTALL);
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.*?\\.)(?:\\s|$)");

    private Javadoc() {
    }

    /** The first sentence of the Javadoc of a method declared in a class of the module in {@code moduleDir}. */
    static String firstSentence(Path moduleDir, Method method) {
        Class<?> declaring = method.getDeclaringClass();
        Class<?> outer = declaring;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        Path file = moduleDir.resolve("src/main/java").resolve(outer.getName().replace('.', '/') + ".java");
        String source = read(file);
        int from = declaring == outer ? 0 : source.indexOf("interface " + declaring.getSimpleName() + " ");
        Matcher declaration = Pattern.compile("\\s" + method.getName() + "\\(\\);").matcher(source);
        if (from < 0 || !declaration.find(from)) {
            throw new IllegalStateException("No declaration of " + method + " in " + file);
        }
        String comment = null;
        int end = 0;
        Matcher comments = COMMENT.matcher(source.substring(0, declaration.start()));
        while (comments.find()) {
            comment = comments.group(1);
            end = comments.end();
        }
        if (comment == null || source.substring(end, declaration.start()).matches("(?s).*[;{}].*")) {
            throw new IllegalStateException(method + " has no Javadoc in " + file);
        }
        String text = markdown(comment);
        Matcher sentence = FIRST_SENTENCE.matcher(text);
        return sentence.find() ? sentence.group(1) : text;
    }

    /** Comment text on one line: no leading stars, {@code x} and {@link y} as code, pipes escaped for a table. */
    static String markdown(String comment) {
        String text = comment.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").trim();
        text = text.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link (?:[\\w.]*\\.)?#?([^}]*)}", "`$1`");
        return text.replace("|", "\\|");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
