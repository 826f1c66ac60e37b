package io.checkin.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real bearer tokens for tests, signed by smallrye-jwt-build with the key the test resource generated
 * ({@code smallrye.jwt.sign.key.location}), with the issuer and audience the application expects.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String citizen(String subject) {
        return forRoles(subject, "citizen");
    }

    public static String venueManager(String subject) {
        return forRoles(subject, "venue-manager");
    }

    public static String healthOfficial(String subject) {
        return forRoles(subject, "health-official");
    }

    public static String forRoles(String subject, String... roles) {
        return claims(subject, roles).sign();
    }

    /** A builder with valid defaults, for tests that change one thing (expiry, issuer, audience...). */
    public static JwtClaimsBuilder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(io.checkin.dev.DevKeys.DEV_ISSUER).audience(io.checkin.dev.DevKeys.AUDIENCE)
                .subject(subject).groups(Set.of(roles)).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)));
    }
}
