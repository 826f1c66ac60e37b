package io.checkin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.checkin.dev.DevKeys;

/**
 * A packaged function ({@code target/quarkus-app/quarkus-run.jar}) running as a child process on a free
 * port, its output in a log file, as a deployment runs it. {@link #close()} kills it whatever happened.
 */
public final class FunctionProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private FunctionProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    private static final String PREHEAT_REQUESTS = "checkin.warmup.requests";

    /** Starts {@code jar} with {@code config} as system properties, and waits until it is ready. */
    public static FunctionProcess start(Path jar, Map<String, String> config, Path workDir, Duration readyWithin)
            throws IOException {
        return start(jar, List.of(), config, workDir, readyWithin);
    }

    /** As {@link #start(Path, Map, Path, Duration)}, with options for the JVM (a pod's memory, for example). */
    public static FunctionProcess start(Path jar, List<String> jvmOptions, Map<String, String> config, Path workDir,
            Duration readyWithin) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        // a brief warm-up at start, as in every test application (StoreTestResource), unless the test sets its own
        if (!config.containsKey(PREHEAT_REQUESTS)) {
            command.add("-D" + PREHEAT_REQUESTS + "=" + StoreTestResource.PREHEAT_REQUESTS);
        }
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path log = workDir.resolve("function.log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        FunctionProcess function = new FunctionProcess(process, log, port);
        if (!Poll.until(function::ready, readyWithin)) {
            function.close();
            throw new IllegalStateException("The function was not ready within " + readyWithin + ":\n" + function.log());
        }
        return function;
    }

    /**
     * Development keys in {@code workDir} and a store address nobody answers at: what a packaged function needs to
     * get as far as its start-up checks.
     */
    public static Map<String, String> startableConfig(Path workDir) {
        Map<String, String> config = new HashMap<>(DevKeys.ensure(workDir.resolve("keys")));
        config.put("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:1");
        return config;
    }

    /** Starts {@code jar} expecting it to exit before it is ready; returns the failure, with what it logged. */
    public static String exitsBeforeReady(Path jar, List<String> jvmOptions, Map<String, String> config, Path workDir)
            throws IOException {
        try (FunctionProcess started = start(jar, jvmOptions, config, workDir, Duration.ofSeconds(60))) {
            throw new AssertionError("The function started and turned ready:\n" + started.log());
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("exited")) {
                throw e;
            }
            return e.getMessage();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The function exited with " + process.exitValue() + ":\n" + log());
        }
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** What a platform sends to stop a container; the process should finish what it accepted and exit. */
    public void terminate() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    public boolean awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
