package io.checkin.code;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.github.benmanes.caffeine.cache.Cache;

import io.checkin.memory.Fingerprint;

/**
 * Checks that a code was signed by one of the accepted keys. Every scan at a venue carries the same token,
 * so the outcome, accepted or rejected, is remembered by the token's fingerprint: the signature is checked once per
 * venue, direction and instance, a flood of one forged token costs one check, and a remembered outcome takes the
 * same memory whatever the length of what a client sent.
 * Whether the code is still current (venue status, code version) is not decided here: see {@link CodeChecker}.
 */
public final class CodeVerifier {

    private final Map<String, Es256Key> keys;
    /**
     * Heap per remembered code at most, measured (CodeVerifierMemoryTest): the cache's node, the key's
     * fingerprint, and the code's content with the longest venue name in any script.
     */
    public static final int BYTES_PER_ENTRY = 600;

    /** A refusal as remembered: its code and message, not an exception with its stack trace. */
    private record Refusal(String code, String message) {
    }

    private final Cache<Fingerprint, Object> outcomes;

    public CodeVerifier(Map<String, PublicKey> keysById, long cacheSize, Duration cacheTtl) {
        Map<String, Es256Key> checks = new HashMap<>();
        keysById.forEach((kid, key) -> checks.put(kid, Es256Key.of((ECPublicKey) key)));
        this.keys = Map.copyOf(checks);
        this.outcomes = LoadingCaches.holding(cacheSize).expireAfterWrite(cacheTtl).build();
    }

    /** How many outcomes are remembered now (Caffeine's estimate). */
    public long remembered() {
        return outcomes.estimatedSize();
    }

    /** Accepts the P-256 keys of a JWK set; other keys in the set are ignored. */
    public static Map<String, PublicKey> keysOf(String jwksJson) {
        try {
            Map<String, PublicKey> keys = new HashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(jwksJson).getJsonWebKeys()) {
                if (jwk instanceof EllipticCurveJsonWebKey ec && "P-256".equals(ec.getCurveName())
                        && jwk.getKeyId() != null) {
                    keys.put(jwk.getKeyId(), ec.getPublicKey());
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("The code verification key set holds no EC P-256 key with a kid");
            }
            return keys;
        } catch (JoseException e) {
            throw new IllegalStateException("The code verification key set is not a valid JWK set", e);
        }
    }

    /** The signed content of a code URL or bare token, or a {@link CodeRejectedException}. */
    public VenueCode verify(String codeOrUrl) {
        String token = CodeUrls.token(codeOrUrl);
        Object outcome = outcomes.get(Fingerprint.of(token), k -> verifyUncached(token));
        if (outcome instanceof Refusal refusal) {
            throw new CodeRejectedException(refusal.code(), refusal.message());
        }
        return (VenueCode) outcome;
    }

    /** Forgets the outcome remembered for a code URL or bare token: its next check verifies the signature again. */
    public void forget(String codeOrUrl) {
        outcomes.invalidate(Fingerprint.of(CodeUrls.token(codeOrUrl)));
    }

    /** As {@link #verify(String)}, and the code must be for the given direction. */
    public VenueCode verify(String codeOrUrl, Direction expected) {
        VenueCode code = verify(codeOrUrl);
        if (code.direction() != expected) {
            throw new CodeRejectedException(CodeRejectedException.WRONG_DIRECTION,
                    "This is the " + (code.direction() == Direction.IN ? "entry" : "exit")
                            + " code; scan the " + (expected == Direction.IN ? "entry" : "exit") + " code");
        }
        return code;
    }

    private Object verifyUncached(String token) {
        try {
            return checkSignature(token);
        } catch (CodeRejectedException e) {
            return new Refusal(e.code(), e.getMessage());
        }
    }

    private VenueCode checkSignature(String token) {
        JsonWebSignature jws = new JsonWebSignature();
        String kid;
        try {
            jws.setCompactSerialization(token);
            kid = jws.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            throw new CodeRejectedException(CodeRejectedException.MALFORMED, "The code cannot be read");
        }
        Es256Key key = kid == null ? null : keys.get(kid);
        if (key == null) {
            throw new CodeRejectedException(CodeRejectedException.UNKNOWN_KEY,
                    "The code was signed with a key this service does not know");
        }
        int lastDot = token.lastIndexOf('.');
        if (!AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(jws.getAlgorithmHeaderValue())
                || !key.verifies(token.substring(0, lastDot), signature(token.substring(lastDot + 1)))) {
            throw new CodeRejectedException(CodeRejectedException.BAD_SIGNATURE, "The code's signature is invalid");
        }
        try {
            return CodeClaims.parse(JsonUtil.parseJson(jws.getUnverifiedPayload()));
        } catch (JoseException | ClassCastException e) {
            throw new CodeRejectedException(CodeRejectedException.MALFORMED, "The code's content is not valid");
        }
    }

    /** The signature's bytes; none (which no key verifies) for text that is not base64url. */
    private static byte[] signature(String encoded) {
        try {
            return Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
