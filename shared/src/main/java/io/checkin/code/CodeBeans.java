package io.checkin.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.checkin.keys.KeyFiles;

/** Builds the signer and verifier from the configured keys, once, on first use. */
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

    @Produces
    @ApplicationScoped
    CodeSigner signer(CodeConfig config) {
        String location = config.signingKeyLocation().orElseThrow(() -> new IllegalStateException(
                "checkin.codes.signing-key-location is not set: the private JWK that signs venue codes"));
        return CodeSigner.fromJwk(KeyFiles.read(location));
    }
}
