package io.checkin.code;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwx.HeaderParameterNames;

/**
 * Signs venue codes as compact JWS (ES256) under one P-256 private key and its key id: the header jose4j wrote
 * ({@code {"alg":"ES256","kid":...}}), the code's claims, r then s in 64 bytes, with BouncyCastle's P-256 arithmetic
 * ({@link Es256}, the same the code check uses). generate-code signs people's codes with it (through
 * {@code io.checkin.signing.CodeSigner}, which holds the key), the scan functions' warm-up its throwaway ones.
 * <p>
 * The per-signature secret k is derived from the key and the code (RFC 6979, HMAC-SHA-256), not drawn at random: a
 * signature needs no SecureRandom, so none is seeded when a pod starts, and the same code signed twice with the same
 * key gives the same token, byte for byte. One signer serves every thread: the key is immutable and each signature
 * has its own {@link ECDSASigner}.
 */
public final class Es256Signer {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ECPrivateKeyParameters privateKey;
    /** The encoded header and its dot, the same for every code of this key. */
    private final String headerPart;

    /** An IllegalArgumentException for a private value outside P-256's group. */
    public Es256Signer(String keyId, ECPrivateKey key) {
        this.privateKey = new ECPrivateKeyParameters(key.getS(), Es256.DOMAIN);
        // what jose4j wrote: the algorithm, then the key id, in its JSON
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(HeaderParameterNames.ALGORITHM, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        header.put(HeaderParameterNames.KEY_ID, keyId);
        this.headerPart = base64url(JsonUtil.toJson(header)) + ".";
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
