package io.checkin.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID Connect provider (src/test/oidc/provider.js: panva's oidc-provider under Node.js) on a free port, for
 * the check-in page to sign people in at. It signs tokens with the key it is given. Closing it kills the process.
 */
final class OidcProviderProcess implements AutoCloseable {

    static final Path DIR = Path.of("src/test/oidc").toAbsolutePath();
    static final String INSTALL = "npm ci --prefix local/stack/src/test/oidc";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;
    private Process process;

    OidcProviderProcess() throws IOException {
        if (!Files.isDirectory(DIR.resolve("node_modules/oidc-provider"))) {
            fail("The sign-in test needs Node.js and the identity provider's packages: " + INSTALL);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** The provider's issuer, known before it starts: what the page and the functions are told to trust. */
    String issuer() {
        return "http://localhost:" + port;
    }

    /** Starts it for one public client, signing with this RSA private key (PEM); returns once it listens. */
    void start(Path signingKey, String clientId, String redirectUri) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "provider.js").directory(DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("OIDC_PORT", String.valueOf(port));
        builder.environment().put("OIDC_SIGNING_KEY", signingKey.toAbsolutePath().toString());
        builder.environment().put("OIDC_CLIENT_ID", clientId);
        builder.environment().put("OIDC_REDIRECT_URI", redirectUri);
        try {
            process = builder.start();
        } catch (IOException e) {
            fail("The sign-in test needs Node.js (node on the PATH) and then: " + INSTALL, e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!output.contains("READY " + issuer())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("The identity provider did not start (" + INSTALL + "?):\n" + String.join("\n", output));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
