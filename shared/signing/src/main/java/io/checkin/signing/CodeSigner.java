package io.checkin.signing;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import io.checkin.code.Es256Signer;
import io.checkin.code.VenueCode;

/**
 * Signs venue codes as compact JWS (ES256) with the key id in the header, so keys can rotate: generate-code's signing
 * key, checked when it is loaded, and its {@link Es256Signer} (BouncyCastle's P-256, a fraction of the JDK's cost per
 * code, docs/benchmarks.md "Code signing"; the token as jose4j wrote it; deterministic k, RFC 6979).
 */
public final class CodeSigner {

    private final PublicJsonWebKey key;
    private final Es256Signer signer;

    public CodeSigner(PublicJsonWebKey key) {
        if (!(key instanceof EllipticCurveJsonWebKey ec) || !"P-256".equals(ec.getCurveName())
                || key.getPrivateKey() == null || key.getKeyId() == null) {
            throw new IllegalStateException("The code signing key must be a private EC P-256 JWK with a kid");
        }
        try {
            this.signer = new Es256Signer(key.getKeyId(), ec.getEcPrivateKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The code signing key's private part is not a P-256 private key", e);
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

    /** The code's token: header, claims and signature, each base64url, joined by dots. */
    public String sign(VenueCode code) {
        return signer.sign(code);
    }
}
