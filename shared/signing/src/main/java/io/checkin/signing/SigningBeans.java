package io.checkin.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.checkin.code.CodeConfig;
import io.checkin.keys.KeyFiles;

/** Builds the signer from the configured private key, once, on first use. */
@ApplicationScoped
public class SigningBeans {

    @Produces
    @ApplicationScoped
    CodeSigner signer(CodeConfig config) {
        String location = config.signingKeyLocation().orElseThrow(() -> new IllegalStateException(
                "checkin.codes.signing-key-location is not set: the private JWK that signs venue codes"));
        return CodeSigner.fromJwk(KeyFiles.read(location));
    }
}
