package io.checkin.local.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

import io.quarkus.funqy.Funq;

/**
 * The Funqy functions as the classes on the class path declare them: every {@code @Funq} method of the application's
 * packages, with its name, the roles that may call it, and the module whose sources declare it.
 */
public final class FunctionsInCode {

    private static final String PACKAGE = "io/checkin";
    private static final DotName FUNQ = DotName.createSimple(Funq.class);
    private static final DotName ROLES = DotName.createSimple(RolesAllowed.class);

    /**
     * A function: the path it answers at is {@code /name}, with POST, and also with GET when it takes no input (the
     * rule of io.checkin.error.PostOnly); module is null where no source declares it.
     */
    public record Function(String name, Set<String> roles, Path module, boolean takesInput) {

        public Set<String> methods() {
            return takesInput ? Set.of("post") : Set.of("get", "post");
        }
    }

    private FunctionsInCode() {
    }

    public static List<Function> all() {
        List<Function> functions = new ArrayList<>();
        SourceModules sources = SourceModules.of(OpenApiDocument.REPOSITORY);
        for (AnnotationInstance funq : index().getAnnotations(FUNQ)) {
            MethodInfo method = funq.target().asMethod();
            String name = funq.value() == null || funq.value().asString().isEmpty() ? method.name()
                    : funq.value().asString();
            AnnotationInstance roles = method.hasDeclaredAnnotation(ROLES) ? method.declaredAnnotation(ROLES)
                    : method.declaringClass().declaredAnnotation(ROLES);
            Set<String> allowed = new TreeSet<>();
            if (roles != null) {
                Collections.addAll(allowed, roles.value().asStringArray());
            }
            functions.add(new Function(name, allowed, sources.moduleOf(method.declaringClass().name().toString()),
                    method.parametersCount() > 0));
        }
        return functions;
    }

    private static Index index() {
        Indexer indexer = new Indexer();
        try {
            var roots = Thread.currentThread().getContextClassLoader().getResources(PACKAGE);
            while (roots.hasMoreElements()) {
                indexAll(roots.nextElement(), indexer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indexer.complete();
    }

    private static void indexAll(URL root, Indexer indexer) throws IOException {
        if (root.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                for (var entry : Collections.list(jar.entries())) {
                    if (entry.getName().startsWith(PACKAGE + "/") && entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            indexer.index(in);
                        }
                    }
                }
            }
            return;
        }
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
