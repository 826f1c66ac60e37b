package io.checkin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a function's packaged application ({@code target/quarkus-app}, made by the package phase) holds: its jars
 * and every class in them. For the integration tests that hold each deployable to carrying only what it runs.
 */
public final class PackagedApplication {

    /** Development-only code and libraries: no deployable function carries them. */
    public static final List<String> DEVELOPMENT_ONLY = List.of("io/checkin/dev/", "io/checkin/testing/",
            "de/bwaldvogel/mongo/", "org/h2/");

    /**
     * The MongoDB driver's client-side encryption, with JNA: unused, and over 40% of a function's JVM package. A
     * native build needs them on its class path (the {@code native} profile in functions/pom.xml adds them back),
     * so they are held out of the JVM packages only.
     */
    public static final List<String> CLIENT_SIDE_ENCRYPTION = List.of("com/mongodb/crypt/",
            "com/mongodb/internal/crypt/", "com/sun/jna/");

    /** What no function's package carries: {@link #DEVELOPMENT_ONLY}, and in a JVM build the encryption. */
    public static final List<String> NOT_RUN_BY_ANY_FUNCTION = Boolean.getBoolean("checkin.package.native")
            ? DEVELOPMENT_ONLY
            : Stream.concat(DEVELOPMENT_ONLY.stream(), CLIENT_SIDE_ENCRYPTION.stream()).toList();

    /** QR rendering, posters and code signing: generate-code's alone. */
    public static final List<String> CODE_ISSUING = List.of("io/checkin/qr/", "io/checkin/signing/",
            "io/checkin/generate/", "com/google/zxing/");

    private final Path root;
    private final List<Path> jars;

    private PackagedApplication(Path root) {
        this.root = root;
        Path main = root.resolve("lib/main");
        Path app = root.resolve("app");
        assertTrue(Files.isDirectory(main) && Files.isDirectory(app),
                root.toAbsolutePath() + " holds no packaged application: run ./mvnw verify, which packages it first");
        this.jars = new ArrayList<>();
        for (Path dir : List.of(main, app)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The application this module's build packaged. */
    public static PackagedApplication ofThisModule() {
        return new PackagedApplication(Path.of("target", "quarkus-app"));
    }

    public int jarCount() {
        return jars.size();
    }

    /** Every class entry of every jar, as a path ({@code io/checkin/scan/ScanService.class}). */
    public TreeSet<String> classes() {
        TreeSet<String> classes = new TreeSet<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(classes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(jar.toString(), e);
            }
        }
        return classes;
    }

    /** Fails naming every class under the given package paths, and the jars they came in. */
    public void assertCarriesNone(List<String> packages) {
        List<String> found = classes().stream().filter(c -> packages.stream().anyMatch(c::startsWith)).limit(20)
                .toList();
        assertEquals(List.of(), found, "classes this function does not run, in " + root.toAbsolutePath());
    }

    /** Fails unless some class lies under each of the given package paths. */
    public void assertCarries(List<String> packages) {
        TreeSet<String> classes = classes();
        for (String p : packages) {
            assertFalse(classes.subSet(p, p + Character.MAX_VALUE).isEmpty(), "no class under " + p + " in " + root);
        }
    }
}
