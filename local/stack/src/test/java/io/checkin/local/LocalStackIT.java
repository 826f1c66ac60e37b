package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's start command ({@code ./local-stack}) on the build under test, as a user would:
 * registers a venue with the token it printed, stops it with Ctrl-C (SIGINT), starts it again on the same
 * data folder and finds the venue still there.
 */
class LocalStackIT {

    @TempDir
    Path data;

    private LocalStackProcess stack;

    @BeforeEach
    void prepare() throws Exception {
        stack = new LocalStackProcess(data, Map.of());
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void startsAnswersWithThePrintedTokenStopsOnCtrlCAndKeepsItsData() throws Exception {
        String token = stack.start("venue-manager");
        HttpResponse<String> registered = stack.post("/register-venue", token,
                "{\"name\":\"Corner shop\",\"address\":\"2 High St\",\"region\":\"east\",\"formats\":[]}");
        assertEquals(200, registered.statusCode(), registered.body());
        Matcher id = Pattern.compile("\"venueId\":\"([^\"]+)\"").matcher(registered.body());
        assertTrue(id.find(), registered.body());
        String venueId = id.group(1);
        assertTrue(registered.body().contains(stack.base() + "/c/"), registered.body());

        stack.interrupt();
        assertTrue(Files.exists(data.resolve("store.mv")), "the store file is in the data folder");
        assertTrue(Files.exists(data.resolve("keys")), "the development keys are in the data folder");

        String again = stack.start("venue-manager");
        HttpResponse<String> codes = stack.post("/venue-codes", again, "{\"venueId\":\"" + venueId + "\",\"formats\":[]}");
        assertEquals(200, codes.statusCode(), codes.body());
        assertTrue(codes.body().contains("Corner shop"), codes.body());
        stack.interrupt();
    }

    @Test
    void theJvmExitsOnOutOfMemoryUnlessJavaOptsSayOtherwise() throws Exception {
        assertEquals("true", exitOnOutOfMemory(""), "the script's default");
        assertEquals("false", exitOnOutOfMemory("-XX:-ExitOnOutOfMemoryError"), "JAVA_OPTS come after it and win");
    }

    /** The JVM's final ExitOnOutOfMemoryError as the script starts it with these JAVA_OPTS (it prints its flags). */
    private String exitOnOutOfMemory(String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "../../local-stack").redirectErrorStream(true);
        builder.environment().put("LOCAL_STACK_SKIP_BUILD", "1");
        builder.environment().put("CHECKIN_DATA_DIR", data.toString());
        builder.environment().put("JAVA_OPTS", javaOpts + " -XX:+PrintFlagsFinal -version");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        Matcher flag = Pattern.compile("bool ExitOnOutOfMemoryError\\s*=\\s*(\\w+)").matcher(output);
        assertTrue(flag.find(), output);
        return flag.group(1);
    }
}
