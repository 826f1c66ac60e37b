package io.checkin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start without an expected token issuer: without one, smallrye-jwt accepts tokens from any
 * issuer that holds a trusted key, which is not a safe default.
 */
@ApplicationScoped
public class IssuerCheck {

    public static final String ISSUER = "mp.jwt.verify.issuer";

    void onStart(@Observes StartupEvent event) {
        check(ConfigProvider.getConfig());
    }

    static void check(Config config) {
        if (config.getOptionalValue(ISSUER, String.class).filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("No token issuer configured: set MP_JWT_VERIFY_ISSUER to the issuer "
                    + "(iss claim) of the identity provider whose tokens the functions accept");
        }
    }
}
