package io.checkin.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.checkin.keys.KeyFiles;

/** Builds the verifier from the configured keys, once, on first use. */
@ApplicationScoped
public class CodeBeans {

    @Produces
    @ApplicationScoped
    CodeVerifier verifier(CodeConfig config) {
        String location = config.verificationKeysLocation().orElseThrow(() -> new IllegalStateException(
                "checkin.codes.verification-keys-location is not set: the JWK set of code verification keys"));
        return new CodeVerifier(CodeVerifier.keysOf(KeyFiles.read(location)), config.verifiedCacheSize(),
                config.verifiedCacheTtl());
    }
}
