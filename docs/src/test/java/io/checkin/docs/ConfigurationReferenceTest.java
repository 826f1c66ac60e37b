package io.checkin.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.checkin.auth.IssuerCheck;
import io.checkin.auth.TokenKeyCheck;
import io.checkin.store.StoreConnectionCheck;
import io.checkin.warmup.knative.ServiceWarmUp;

/** docs/configuration.md lists every setting as the code reads it; a failure prints each row to fix, as expected. */
class ConfigurationReferenceTest {

    static final String CHECKIN_SECTION = "The `checkin.*` settings";
    static final String FRAMEWORK_SECTION = "Quarkus and MicroProfile settings";

    /** Where the environment variable stands in a row of either table: key, default, variable, readers, meaning. */
    static final int ENV_COLUMN = 2;

    /** The keys of the token checks, which an identity provider must match (docs/operations.md). */
    static final String TOKEN_CHECKS = "mp.jwt.";

    /** How the meaning of a key that takes effect only when the images are built begins. */
    static final String BUILD_TIME = "At build time:";

    /** The warmup tool reads these from the functions' Services (docs/warmup.md, "Pre-heat"). */
    private static final Map<String, Set<String>> WARMUP_READS = Map.of(ServiceWarmUp.AT_START, Set.of("warmup"),
            ServiceWarmUp.BUDGET, Set.of("warmup"));
    /** An environment variable a manifest sets, in a container's env or in a component's patch. */
    private static final Pattern MANIFEST_ENV = Pattern.compile("(?m)^\\s*(?:- )?name: ([A-Z][A-Z0-9_]*)\\s*$");

    private final Reactor reactor = new Reactor();

    @Test
    void everyCheckinKeyHasTheRowItsMappingGivesIt() {
        List<Setting> expected = MappedSettings.read(reactor, WARMUP_READS);
        List<String> problems = new ArrayList<>();
        Map<String, String> documented = Reference.rows(CHECKIN_SECTION);
        for (Setting setting : expected) {
            String row = documented.get(setting.key());
            if (row == null) {
                problems.add("missing: " + setting.row());
            } else if (!row.equals(setting.row())) {
                problems.add("wrong:   " + row + "\n  expected: " + setting.row());
            }
        }
        List<String> keys = expected.stream().map(Setting::key).toList();
        documented.forEach((key, row) -> {
            if (!keys.contains(key)) {
                problems.add("extra:   " + row);
            }
        });
        assertAgrees(CHECKIN_SECTION, problems);
    }

    @Test
    void everyQuarkusAndMicroProfileRowHasTheValuesTheDeployablesShipAndTheirReaders() {
        FrameworkSettings framework = new FrameworkSettings(reactor);
        List<String> problems = new ArrayList<>();
        Reference.rows(FRAMEWORK_SECTION).forEach((key, row) -> {
            Optional<String> start = framework.rowStart(key);
            if (start.isEmpty()) {
                problems.add("extra:   " + row + "\n  no deployable reads " + key);
            } else if (!row.startsWith(start.get())) {
                problems.add("wrong:   " + row + "\n  expected: " + start.get() + "(meaning) |");
            } else if (row.substring(start.get().length()).startsWith(BUILD_TIME) != framework.buildTime(key)) {
                problems.add("wrong:   " + row + "\n  the meaning starts with \"" + BUILD_TIME + "\" exactly when the key is "
                        + "fixed at build time, as " + key + (framework.buildTime(key) ? " is" : " is not"));
            }
        });
        assertAgrees(FRAMEWORK_SECTION, problems);
    }

    @Test
    void theKeysTheCodeReadsByNameTheTokenChecksAndThoseSetFromCheckinKeysHaveARow() {
        Set<String> needed = new TreeSet<>(List.of(StoreConnectionCheck.CONNECTION_STRING, IssuerCheck.ISSUER,
                TokenKeyCheck.SETTING));
        new FrameworkSettings(reactor).shipped().forEach((key, values) -> {
            if (key.startsWith(TOKEN_CHECKS) || values.values().stream().anyMatch(v -> v.contains("${checkin."))) {
                needed.add(key);
            }
        });
        Set<String> documented = Reference.rows(FRAMEWORK_SECTION).keySet();
        List<String> problems = needed.stream().filter(k -> !documented.contains(k)).map(k -> "missing: " + k).toList();
        assertAgrees(FRAMEWORK_SECTION, problems);
    }

    @Test
    void everyVariableTheManifestsSetIsInTheReference() {
        Set<String> documented = new TreeSet<>();
        for (String section : List.of(CHECKIN_SECTION, FRAMEWORK_SECTION)) {
            Reference.rows(section).values()
                    .forEach(row -> documented.add(Reference.cells(row).get(ENV_COLUMN).replace("`", "")));
        }
        List<String> problems = new ArrayList<>();
        manifestVariables().forEach((variable, file) -> {
            if (!documented.contains(variable)) {
                problems.add("missing: a row whose variable is " + variable + " (set in " + file + ")");
            }
        });
        assertAgrees(CHECKIN_SECTION + "\" and \"" + FRAMEWORK_SECTION, problems);
    }

    /** Every environment variable a file of knative/ sets, with the first file that sets it. */
    private static Map<String, Path> manifestVariables() {
        Map<String, Path> variables = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(Reactor.ROOT.resolve("knative"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("/target/"))
                    .toList()) {
                Matcher names = MANIFEST_ENV.matcher(Files.readString(file));
                while (names.find()) {
                    variables.putIfAbsent(names.group(1), Reactor.ROOT.relativize(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (variables.isEmpty()) {
            throw new IllegalStateException("No environment variable found in knative/: has the layout changed?");
        }
        return variables;
    }

    private static void assertAgrees(String section, List<String> problems) {
        assertTrue(problems.isEmpty(), Reference.FILE + ", \"" + section + "\" disagrees with the code:\n"
                + String.join("\n", problems));
    }
}
