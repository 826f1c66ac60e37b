package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private static final Path SCRIPT = Path.of("../../local-stack").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsAnswersWithThePrintedTokenStopsOnCtrlCAndKeepsItsData() throws Exception {
        String token = start();
        HttpResponse<String> registered = post("/register-venue", token,
                "{\"name\":\"Corner shop\",\"address\":\"2 High St\",\"region\":\"east\",\"formats\":[]}");
        assertEquals(200, registered.statusCode(), registered.body());
        Matcher id = Pattern.compile("\"venueId\":\"([^\"]+)\"").matcher(registered.body());
        assertTrue(id.find(), registered.body());
        String venueId = id.group(1);
        assertTrue(registered.body().contains("http://localhost:" + port + "/c/"), registered.body());

        interrupt();
        assertTrue(Files.exists(data.resolve("store.mv")), "the store file is in the data folder");
        assertTrue(Files.exists(data.resolve("keys")), "the development keys are in the data folder");

        String again = start();
        HttpResponse<String> codes = post("/venue-codes", again, "{\"venueId\":\"" + venueId + "\",\"formats\":[]}");
        assertEquals(200, codes.statusCode(), codes.body());
        assertTrue(codes.body().contains("Corner shop"), codes.body());
        interrupt();
    }

    /** Starts the stack and returns the venue manager token it printed. */
    private String start() throws Exception {
        output.clear();
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("LOCAL_STACK_SKIP_BUILD", "1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CHECKIN_DATA_DIR", data.toString());
        builder.environment().remove("QUARKUS_MONGODB_CONNECTION_STRING");
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                if (line.startsWith("TOKEN venue-manager ")) {
                    return line.substring("TOKEN venue-manager ".length()).trim();
                }
            }
            if (!process.isAlive()) {
                fail("The local stack exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            Thread.sleep(100);
        }
        fail("No token printed within " + START_TIMEOUT + ":\n" + String.join("\n", output));
        return null;
    }

    /** What Ctrl-C sends; the script execs java, so the signal reaches the application itself. */
    private void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the stack did not stop on SIGINT:\n" + String.join("\n", output));
        String log = String.join("\n", output);
        assertTrue(!log.contains("Exception"), log);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
