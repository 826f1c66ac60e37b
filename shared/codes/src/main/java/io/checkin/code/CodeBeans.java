package io.checkin.code;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.checkin.keys.KeyCheck;

/** Builds the verifier from the configured keys, once; {@link #keys} checks them (at start where codes are verified). */
@ApplicationScoped
public class CodeBeans {

    public static final String SETTING = "checkin.codes.verification-keys-location";

    @Produces
    @ApplicationScoped
    CodeVerifier verifier(CodeConfig config) {
        return new CodeVerifier(keys(config.verificationKeysLocation()), config.verifiedCacheSize(),
                config.verifiedCacheTtl());
    }

    /** The verification keys by id; fails naming the setting when it is unset, a placeholder, or not a usable set. */
    public static Map<String, PublicKey> keys(Optional<String> configured) {
        String location = configured.orElseThrow(() -> new IllegalStateException(
                SETTING + " is not set: the JWK set of code verification keys"));
        Map<String, PublicKey> keys = KeyCheck.parse(SETTING, location, CodeVerifier::keysOf);
        keys.values().forEach(k -> KeyCheck.onCurve(SETTING, location, (ECPublicKey) k));
        return keys;
    }
}
