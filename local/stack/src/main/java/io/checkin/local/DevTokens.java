package io.checkin.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import io.checkin.dev.DevKeys;
import io.checkin.keys.KeyFiles;

/**
 * Bearer tokens signed with the local stack's development key, as an identity provider would issue them:
 * RS256, the development issuer, audience {@code checkin}, roles in {@code groups}. Local use only. The keys
 * are made on first use, as the stack makes them at its first start, so tokens can be minted before it starts.
 */
final class DevTokens {

    private final PrivateKey key;

    DevTokens(Path keysDir) {
        this(signingKey(ensured(keysDir).resolve(DevKeys.AUTH_PRIVATE)));
    }

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    /** Tokens signed with the key in this PEM file, the one the running stack names in smallrye.jwt.sign.key.location. */
    static DevTokens signingWith(Path privateKeyPem) {
        return new DevTokens(signingKey(privateKeyPem));
    }

    private static Path ensured(Path keysDir) {
        DevKeys.ensure(keysDir);
        return keysDir;
    }

    private static PrivateKey signingKey(Path pem) {
        try {
            return KeyFiles.privateKey(Files.readString(pem), "RSA");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the development key " + pem, e);
        }
    }

    String mint(String subject, String role, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevKeys.DEV_ISSUER);
        claims.setAudience(DevKeys.AUDIENCE);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }
}
