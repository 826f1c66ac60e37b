package io.checkin.local;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The README's start command ({@code ./local-stack}) run on the build under test, on a free port and a data folder
 * of the test's own, as a user runs it. Closing it kills the process, so a failed test leaves nothing running.
 */
final class LocalStackProcess implements AutoCloseable {

    private static final Path SCRIPT = Path.of("../../local-stack").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Path data;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    LocalStackProcess(Path data, Map<String, String> environment) throws IOException {
        this.data = data;
        this.environment = environment;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the stack and returns the token it printed for the role. */
    String start(String role) throws Exception {
        output.clear();
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("LOCAL_STACK_SKIP_BUILD", "1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CHECKIN_DATA_DIR", data.toString());
        builder.environment().remove("QUARKUS_MONGODB_CONNECTION_STRING");
        builder.environment().putAll(environment);
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
        String prefix = "TOKEN " + role + " ";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            if (!process.isAlive()) {
                fail("The local stack exited with " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(100);
        }
        fail("No token printed within " + START_TIMEOUT + ":\n" + log());
        return null;
    }

    /** What Ctrl-C sends; the script execs java, so the signal reaches the application itself. */
    void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the stack did not stop on SIGINT:\n" + log());
        assertTrue(!log().contains("Exception"), log());
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String log() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
