package io.checkin.local.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.checkin.code.CodeRejectedException;
import io.checkin.error.ProblemException;

/**
 * Every problem the sources can raise: each {@code new ProblemException(status, code, ...)}, each of its factories
 * ({@code ProblemException.badRequest(code, ...)}, whose status the factory itself gives) and each
 * {@code new CodeRejectedException(code, ...)}, with the module that raises it. A code that is neither a literal nor
 * one of CodeRejectedException's constants cannot be read here, and is reported as such; passing on the code of a
 * problem caught before ({@code e.code()}) raises nothing new.
 */
public final class ProblemsInCode {

    private static final String CODE = "(\"[^\"]*\"|[\\w.]+(?:\\(\\))?)";
    private static final Pattern CONSTRUCTED = Pattern.compile("new ProblemException\\(\\s*(\\w+)\\s*,\\s*" + CODE);
    private static final Pattern FACTORY = Pattern.compile("ProblemException\\.(\\w+)\\(\\s*" + CODE);
    private static final Pattern CODE_REJECTED = Pattern.compile("new CodeRejectedException\\(\\s*" + CODE);

    /** A problem a module raises; status is null where the source passes on a status it was given. */
    public record Raised(String code, Integer status, Path module, String where) {
    }

    /** Every problem raised, and every place whose code could not be read (as "file: code expression"). */
    public record Found(List<Raised> raised, List<String> unreadable) {
    }

    private ProblemsInCode() {
    }

    public static Found in(SourceModules modules) {
        List<Raised> raised = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : modules.mainSources()) {
            if (file.getFileName().toString().equals("ProblemException.java")) {
                continue; // its factories pass on the code they are given
            }
            String source = read(file);
            Path module = modules.moduleOf(file);
            String where = modules.repository().relativize(file).toString();
            Matcher m = CONSTRUCTED.matcher(source);
            while (m.find()) {
                add(m.group(2), m.group(1).matches("\\d{3}") ? Integer.valueOf(m.group(1)) : null, module, where,
                        raised, unreadable);
            }
            m = FACTORY.matcher(source);
            while (m.find()) {
                String code = code(m.group(2));
                add(m.group(2), code == null ? null : factoryStatus(m.group(1), code), module, where, raised,
                        unreadable);
            }
            m = CODE_REJECTED.matcher(source);
            while (m.find()) {
                add(m.group(1), new CodeRejectedException("any", "any").status(), module, where, raised, unreadable);
            }
        }
        return new Found(raised, unreadable);
    }

    private static void add(String expression, Integer status, Path module, String where, List<Raised> raised,
            List<String> unreadable) {
        if (expression.endsWith(".code()")) {
            return;
        }
        String code = code(expression);
        if (code == null) {
            unreadable.add(where + ": " + expression);
        } else {
            raised.add(new Raised(code, status, module, where));
        }
    }

    /** The code an expression names: a literal, or a constant of CodeRejectedException; null if neither. */
    private static String code(String expression) {
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        String prefix = CodeRejectedException.class.getSimpleName() + ".";
        if (expression.startsWith(prefix)) {
            try {
                return (String) CodeRejectedException.class.getField(expression.substring(prefix.length())).get(null);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    /** The status a ProblemException factory gives its problem, asked of the factory itself. */
    private static int factoryStatus(String factory, String code) {
        Method method = Arrays.stream(ProblemException.class.getMethods())
                .filter(candidate -> candidate.getName().equals(factory) && Modifier.isStatic(candidate.getModifiers()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no factory ProblemException." + factory));
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        arguments[0] = code;
        for (int i = 1; i < arguments.length; i++) {
            arguments[i] = types[i] == int.class || types[i] == Integer.class ? 1 : "any";
        }
        try {
            return ((ProblemException) method.invoke(null, arguments)).status();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
