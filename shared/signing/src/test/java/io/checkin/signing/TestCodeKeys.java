package io.checkin.signing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;

import io.checkin.code.CodeVerifier;
import io.checkin.dev.DevKeys;

/** Throw-away EC keys for code tests. */
public final class TestCodeKeys {

    private TestCodeKeys() {
    }

    public static PublicJsonWebKey newKey(String kid) {
        return DevKeys.newCodeKey(kid);
    }

    static CodeVerifier verifierFor(PublicJsonWebKey... keys) {
        Map<String, PublicKey> byId = new java.util.HashMap<>();
        for (PublicJsonWebKey key : keys) {
            byId.put(key.getKeyId(), key.getPublicKey());
        }
        return new CodeVerifier(byId, 1000, Duration.ofMinutes(5));
    }
}
