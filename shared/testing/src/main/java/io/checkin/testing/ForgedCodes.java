package io.checkin.testing;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;

import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.dev.DevKeys;
import io.checkin.keys.CodeKeyIds;
import io.checkin.keys.KeyFiles;
import io.checkin.signing.CodeSigner;

/** Venue codes an attacker could print: signed with the wrong key or algorithm, or real keys over wrong content. */
public final class ForgedCodes {

    private ForgedCodes() {
    }

    /** The code signing key the application uses, read from where the test resource put it. */
    public static PublicJsonWebKey realKey() {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(KeyFiles.read(config("checkin.codes.signing-key-location")));
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A key that is not in the published set under a kid of the same form as the real ones: what a code signed
     * by a key since rotated out looks like (the set is read once at start, so a running test cannot drop a key).
     */
    public static CodeSigner rotatedOutSigner() {
        return new CodeSigner(freshKey(null));
    }

    /** A new key that claims the real key's kid. */
    public static CodeSigner impostorSigner() {
        return new CodeSigner(freshKey(realKey().getKeyId()));
    }

    /** Any payload, signed with the real key: the signature holds, the content must still be checked. */
    public static String signedByRealKey(String payloadJson) {
        PublicJsonWebKey key = realKey();
        return sign(payloadJson, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, key.getKeyId(),
                key.getPrivateKey());
    }

    /** The key-confusion attack on codes: HMAC keyed with the published verification key set. */
    public static String hmacWithPublishedKeys(VenueCode code) {
        byte[] published = KeyFiles.read(config("checkin.codes.verification-keys-location"))
                .getBytes(StandardCharsets.UTF_8);
        return sign(payload(code), AlgorithmIdentifiers.HMAC_SHA256, realKey().getKeyId(), new HmacKey(published));
    }

    public static String unsigned(VenueCode code) {
        return sign(payload(code), AlgorithmIdentifiers.NONE, realKey().getKeyId(), null);
    }

    public static String payload(VenueCode code) {
        return "{\"vid\":\"" + code.venueId() + "\",\"dir\":\"" + code.direction() + "\",\"ver\":" + code.codeVersion()
                + ",\"name\":\"" + code.venueName() + "\"}";
    }

    public static VenueCode code(String venueId, Direction direction) {
        return new VenueCode(venueId, direction, 1, "Forged");
    }

    private static String sign(String payload, String algorithm, String kid, java.security.Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey freshKey(String kid) {
        return DevKeys.newCodeKey(kid);
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
