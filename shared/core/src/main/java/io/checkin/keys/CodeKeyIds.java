package io.checkin.keys;

import java.security.PublicKey;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Key ids derived from the key itself (RFC 7638 thumbprint), so no second file has to agree with the key. */
public final class CodeKeyIds {

    /** Long enough to never collide among the few keys in a rotation, short enough to keep QR codes small. */
    private static final int LENGTH = 12;

    private CodeKeyIds() {
    }

    public static String of(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint("SHA-256")
                    .substring(0, LENGTH);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot compute the key id", e);
        }
    }
}
