package io.checkin.signing;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import io.checkin.code.CodeClaims;
import io.checkin.code.VenueCode;

/**
 * A code signed as CodeSigner signed it before it used BouncyCastle: jose4j with the JDK's ES256. What the new tokens
 * are compared with, in SignedCodesTest and in the benchmark k6/bench/SignatureCost.java.
 */
public final class Jose4jSigning {

    private Jose4jSigning() {
    }

    public static String sign(PublicJsonWebKey key, VenueCode code) {
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
