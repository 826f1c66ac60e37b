package io.checkin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every way a bearer token can be wrong is a 401 problem, and nothing is written. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class AuthenticationTest {

    @Inject
    StoreCollections collections;

    private long venuesBefore;

    @BeforeEach
    void count() {
        venuesBefore = collections.venues().countDocuments();
    }

    @AfterEach
    void nothingWritten() {
        assertEquals(venuesBefore, collections.venues().countDocuments());
    }

    @Test
    void noToken() {
        unauthorized(null);
    }

    @Test
    void notAJwt() {
        unauthorized("not-a-token");
    }

    @Test
    void expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        unauthorized(Tokens.claims("m", "venue-manager").issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(10))).sign());
    }

    @Test
    void wrongIssuer() {
        unauthorized(Tokens.claims("m", "venue-manager").issuer("https://someone-else.example").sign());
    }

    @Test
    void wrongAudience() {
        unauthorized(Tokens.claims("m", "venue-manager").audience("another-service").sign());
    }

    @Test
    void tamperedClaims() {
        String[] parts = Tokens.citizen("m").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"citizen\"", "\"venue-manager\"");
        unauthorized(parts[0] + "." + encode(claims) + "." + parts[2]);
    }

    @Test
    void signedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        unauthorized(Tokens.claims("m", "venue-manager").sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void unsigned() {
        String[] parts = Tokens.venueManager("m").split("\\.");
        unauthorized(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }

    private static void unauthorized(String token) {
        Api.problem(Api.call("register-venue", token, Venues.draft("Should not exist")), 401, "unauthorized", null)
                .header("WWW-Authenticate", "Bearer");
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
