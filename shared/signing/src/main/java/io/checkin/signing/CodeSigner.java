package io.checkin.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

import io.checkin.code.CodeClaims;
import io.checkin.code.Es256;
import io.checkin.code.VenueCode;

/**
 * Signs venue codes as compact JWS (ES256) with the key id in the header, so keys can rotate. The signature is
 * BouncyCastle's ECDSA on its own P-256 arithmetic ({@link Es256}, the same the scan functions check codes with),
 * a fraction of the JDK's cost per code (docs/benchmarks.md, "Code signing"), and a code reads as jose4j wrote it
 * before: the same header JSON ({@code {"alg":"ES256","kid":...}}), the same payload, r then s in 64 bytes.
 * <p>
 * The per-signature secret k is derived from the key and the code (RFC 6979, HMAC-SHA-256), not drawn at random: a
 * signature needs no SecureRandom, so none is seeded when a pod starts, and the same code signed twice with the same
 * key gives the same token, byte for byte. One signer serves every thread: the key is immutable and each signature
 * has its own {@link ECDSASigner}.
 */
public final class CodeSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PublicJsonWebKey key;
    private final ECPrivateKeyParameters privateKey;
    /** The encoded header and its dot, the same for every code of this key. */
    private final String headerPart;

    public CodeSigner(PublicJsonWebKey key) {
        if (!(key instanceof EllipticCurveJsonWebKey ec) || !"P-256".equals(ec.getCurveName())
                || key.getPrivateKey() == null || key.getKeyId() == null) {
            throw new IllegalStateException("The code signing key must be a private EC P-256 JWK with a kid");
        }
        try {
            this.privateKey = new ECPrivateKeyParameters(ec.getEcPrivateKey().getS(), Es256.DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The code signing key's private part is not a P-256 private key", e);
        }
        this.key = key;
        // what jose4j wrote: the algorithm, then the key id, in its JSON
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(HeaderParameterNames.ALGORITHM, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        header.put(HeaderParameterNames.KEY_ID, key.getKeyId());
        this.headerPart = base64url(JsonUtil.toJson(header)) + ".";
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
        String signingInput = headerPart + base64url(CodeClaims.json(code));
        ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        ecdsa.init(true, privateKey);
        BigInteger[] rs = ecdsa.generateSignature(Es256.digest(signingInput));
        byte[] signature = new byte[Es256.SIGNATURE_BYTES];
        int half = Es256.SIGNATURE_BYTES / 2;
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, half);
        BigIntegers.asUnsignedByteArray(rs[1], signature, half, half);
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
