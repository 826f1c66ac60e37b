package io.checkin.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * ES256 (ECDSA on P-256 with SHA-256, RFC 7518 section 3.4) as the code check ({@link Es256Key}) and the code signer
 * (shared/signing) both do it, with BouncyCastle's lightweight API: the curve, what is signed and the signature's size,
 * in one place.
 */
public final class Es256 {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    /**
     * P-256 with BouncyCastle's own field arithmetic for it (not the generic curve's). Immutable; the multiples of its
     * generator that signing precomputes on first use are kept with it and safely shared between threads.
     */
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(),
            P256.getH());
    /** r and s, 32 bytes each, nothing else: the only form RFC 7518 allows. */
    public static final int SIGNATURE_BYTES = 64;

    private Es256() {
    }

    /** What the signature signs: the SHA-256 of the JWS signing input ({@code header.payload}, base64url, ASCII). */
    public static byte[] digest(String signingInput) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
