package io.checkin.code;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;

/** Throw-away EC keys for code tests. */
public final class TestCodeKeys {

    private TestCodeKeys() {
    }

    public static PublicJsonWebKey newKey(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            jwk.setKeyId(kid);
            return jwk;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CodeVerifier verifierFor(PublicJsonWebKey... keys) {
        Map<String, PublicKey> byId = new java.util.HashMap<>();
        for (PublicJsonWebKey key : keys) {
            byId.put(key.getKeyId(), key.getPublicKey());
        }
        return new CodeVerifier(byId, 1000, Duration.ofMinutes(5));
    }
}
