package io.checkin.local;


import org.eclipse.microprofile.config.ConfigProvider;

import io.checkin.auth.Roles;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/** Prints where the functions listen and a ready-to-use token for each role, then serves until stopped. */
public class LocalStack implements QuarkusApplication {

    @Override
    public int run(String... args) {
        var config = ConfigProvider.getConfig();
        String port = System.getProperty("quarkus.http.port",
                config.getOptionalValue("quarkus.http.port", String.class).orElse("8080"));
        String base = "http://localhost:" + port;
        StringBuilder out = new StringBuilder();
        out.append("\n=== check-in local stack is ready ===\n");
        out.append("Functions:  ").append(base).append("/{function}   (POST, JSON body)\n");
        out.append("  generate-code: register-venue, register-venues, reissue-codes, venue-codes, suspend-venue, reactivate-venue\n");
        out.append("  scan-in, scan-out, my-visits (citizen); venue-visitors, contacts (health-official)\n");
        out.append("Health:     ").append(base).append("/q/health/ready (all checks: /q/health, with the operator token)\n");
        out.append("Metrics:    ").append(base).append("/q/metrics (with the operator token)\n");
        out.append("Store:      ").append(LocalStore.describe(LocalMain.dataDir().toString())).append('\n');
        out.append("Tokens (valid ").append(LocalTools.TOKEN_LIFETIME.toHours()).append(" h; more: ./local-stack tokens ROLE COUNT):\n");
        DevTokens tokens = new DevTokens(LocalMain.dataDir().resolve("keys"));
        for (String role : new String[] { Roles.VENUE_MANAGER, Roles.CITIZEN, Roles.HEALTH_OFFICIAL, Roles.OPERATOR }) {
            out.append("TOKEN ").append(role).append(' ').append(tokens.mint("local-" + role, role, LocalTools.TOKEN_LIFETIME))
                    .append('\n');
        }
        out.append("Press Ctrl-C to stop.\n");
        System.out.println(out);
        System.out.flush();
        Quarkus.waitForExit();
        return 0;
    }
}
