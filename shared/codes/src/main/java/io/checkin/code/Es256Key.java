package io.checkin.code;

import static io.checkin.code.Es256.DOMAIN;
import static io.checkin.code.Es256.SIGNATURE_BYTES;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * One public key's ES256 check (ECDSA on P-256 with SHA-256, RFC 7518 section 3.4), with BouncyCastle's P-256
 * arithmetic: a pod checks every code it has not seen before, so its first seconds at a thousand venues are a
 * thousand checks, and this one costs a fifth to a tenth of the JDK's (docs/benchmarks.md, "Code checks").
 * The key's points are precomputed on its first check and kept, safely shared between threads.
 */
final class Es256Key {

    private final ECPublicKeyParameters key;

    private Es256Key(ECPublicKeyParameters key) {
        this.key = key;
    }

    /** The key as a P-256 point; an IllegalArgumentException for a point that is not on the curve. */
    static Es256Key of(ECPublicKey publicKey) {
        var point = DOMAIN.validatePublicPoint(DOMAIN.getCurve().createPoint(publicKey.getW().getAffineX(),
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
        return ecdsa.verifySignature(Es256.digest(signingInput), r, s);
    }
}
