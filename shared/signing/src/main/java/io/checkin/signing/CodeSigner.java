package io.checkin.signing;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import io.checkin.code.CodeClaims;
import io.checkin.code.VenueCode;

/** Signs venue codes as compact JWS (ES256) with the key id in the header, so keys can rotate. */
public final class CodeSigner {

    private final PublicJsonWebKey key;

    public CodeSigner(PublicJsonWebKey key) {
        if (!(key instanceof EllipticCurveJsonWebKey ec) || !"P-256".equals(ec.getCurveName())
                || key.getPrivateKey() == null || key.getKeyId() == null) {
            throw new IllegalStateException("The code signing key must be a private EC P-256 JWK with a kid");
        }
        this.key = key;
    }

    public static CodeSigner fromJwk(String json) {
        try {
            return new CodeSigner(PublicJsonWebKey.Factory.newPublicJwk(json));
        } catch (JoseException e) {
            throw new IllegalStateException("The code signing key is not a valid JWK: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return key.getKeyId();
    }

    /** The public part, which the scan functions' key set must hold under {@link #keyId()}. */
    public java.security.PublicKey publicKey() {
        return key.getPublicKey();
    }

    public String sign(VenueCode code) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(CodeClaims.json(code));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a venue code", e);
        }
    }
}
