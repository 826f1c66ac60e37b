package io.checkin.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;

/**
 * Bearer tokens an attacker could send, each wrong in exactly one way and otherwise valid for the role,
 * so a 401 can only come from the flaw under test.
 */
public final class HostileTokens {

    /** One kind of bad token, made for a role. */
    public record Kind(String name, Function<String, String> forRole) {

        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Kind> ALL = List.of(
            new Kind("no token", role -> null),
            new Kind("not a JWT", role -> "not-a-token"),
            new Kind("alg none", HostileTokens::unsigned),
            new Kind("HS256 keyed with the public RSA key", HostileTokens::hmacWithPublicKey),
            new Kind("expired", HostileTokens::expired),
            new Kind("not yet valid", HostileTokens::notYetValid),
            new Kind("wrong issuer", role -> Tokens.claims("intruder", role).issuer("https://evil.example").sign()),
            new Kind("wrong audience", role -> Tokens.claims("intruder", role).audience("another-service").sign()),
            new Kind("tampered signature", HostileTokens::tamperedSignature),
            new Kind("claims edited after signing", HostileTokens::editedClaims),
            new Kind("signed by another key", HostileTokens::otherKey));

    private HostileTokens() {
    }

    public static String unsigned(String role) {
        String[] parts = Tokens.forRoles("intruder", role).split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /**
     * The key-confusion attack: the verifier's public key is public, so an attacker uses its PEM text as an
     * HMAC secret and hopes the verifier lets the token's header pick the algorithm.
     */
    public static String hmacWithPublicKey(String role) {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        try {
            byte[] pem = Files.readAllBytes(Path.of(location));
            return Tokens.claims("intruder", role).jws().algorithm(SignatureAlgorithm.HS256)
                    .sign(new SecretKeySpec(pem, "HmacSHA256"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String expired(String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Tokens.claims("intruder", role).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(10))).sign();
    }

    /** Far enough ahead that the configured clock skew does not cover it. */
    public static String notYetValid(String role) {
        return Tokens.claims("intruder", role).claim("nbf", Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond())
                .sign();
    }

    public static String tamperedSignature(String role) {
        String token = Tokens.forRoles("intruder", role);
        int last = token.length() - 5;
        char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + flipped + token.substring(last + 1);
    }

    /** Someone else's identity pasted into a genuine token: the signature no longer matches. */
    public static String editedClaims(String role) {
        String[] parts = Tokens.forRoles("intruder", role).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"intruder\"", "\"someone-else\"");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    public static String otherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Tokens.claims("intruder", role).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
