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
    static final String INSTALL = "apt-get install -y nodejs npm";
    /** The provider's packages, exactly as its package-lock.json pins them, from the npm registry. */
    private static final List<String> NPM_CI = List.of("npm", "ci", "--no-audit", "--no-fund");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;
    private Process process;

    OidcProviderProcess() throws IOException {
        if (!Files.isDirectory(DIR.resolve("node_modules/oidc-provider"))) {
            install();
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Installs the provider's packages once per clone, as Maven fetches the Java ones: no step to remember. */
    private static void install() {
        try {
            Process npm = new ProcessBuilder(NPM_CI).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("npm-ci.log").toFile()).start();
            if (!npm.waitFor(NPM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                fail("npm ci in " + DIR + " took longer than " + NPM_TIMEOUT + ": see npm-ci.log there");
            }
            if (npm.exitValue() != 0) {
                fail("npm ci in " + DIR + " failed: " + Files.readString(DIR.resolve("npm-ci.log")));
            }
        } catch (IOException e) {
            fail("The sign-in test needs Node.js and npm to install its identity provider: " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while installing the identity provider's packages", e);
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
            fail("The sign-in test needs Node.js (node on the PATH): " + INSTALL, e);
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
                fail("The identity provider did not start:\n" + String.join("\n", output));
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
