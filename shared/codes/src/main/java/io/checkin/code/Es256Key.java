package io.checkin.code;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * One public key's ES256 check (ECDSA on P-256 with SHA-256, RFC 7518 section 3.4), with BouncyCastle's P-256
 * arithmetic: a pod checks every code it has not seen before, so its first seconds at a thousand venues are a
 * thousand checks, and this one costs a fifth to a tenth of the JDK's (docs/benchmarks.md, "Code checks").
 * The key's points are precomputed on its first check and kept, safely shared between threads.
 */
final class Es256Key {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(),
            P256.getH());
    /** r and s, 32 bytes each, nothing else: the only form RFC 7518 allows. */
    private static final int SIGNATURE_BYTES = 64;

    private final ECPublicKeyParameters key;

    private Es256Key(ECPublicKeyParameters key) {
        this.key = key;
    }

    /** The key as a P-256 point; an IllegalArgumentException for a point that is not on the curve. */
    static Es256Key of(ECPublicKey publicKey) {
        var point = DOMAIN.validatePublicPoint(P256.getCurve().createPoint(publicKey.getW().getAffineX(),
                publicKey.getW().getAffineY()));
        return new Es256Key(new ECPublicKeyParameters(point, DOMAIN));
    }

    /** Whether {@code signature} (JWS form: r then s) signs {@code signingInput} (the JWS' header.payload). */
    boolean verifies(String signingInput, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, signature, 0, SIGNATURE_BYTES / 2);
        BigInteger s = new BigInteger(1, signature, SIGNATURE_BYTES / 2, SIGNATURE_BYTES / 2);
        ECDSASigner ecdsa = new ECDSASigner();
        ecdsa.init(false, key);
        return ecdsa.verifySignature(sha256(signingInput), r, s);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
