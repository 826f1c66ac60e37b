package io.checkin.signing;

import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import io.checkin.code.CodeConfig;
import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.keys.KeyCheck;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds the signer from the configured private key, once, and checks it at start: a function that issues codes
 * refuses to start with a missing, placeholder or broken key, or one whose private and public parts do not belong
 * together (its codes would be refused by every scan function).
 */
@ApplicationScoped
public class SigningBeans {

    public static final String SETTING = "checkin.codes.signing-key-location";

    @Produces
    @ApplicationScoped
    CodeSigner signer(CodeConfig config) {
        return signer(config.signingKeyLocation().orElseThrow(() -> new IllegalStateException(
                SETTING + " is not set: the private JWK that signs venue codes")));
    }

    /** Builds the signer (once: the produced bean, with its checks) when the function starts, not at first use. */
    void onStart(@Observes StartupEvent event, CodeSigner signer) {
        signer.keyId();
    }

    /** The signer of the key at {@code location}; fails naming the setting unless it signs codes that verify. */
    public static CodeSigner signer(String location) {
        CodeSigner signer = KeyCheck.parse(SETTING, location, CodeSigner::fromJwk);
        KeyCheck.onCurve(SETTING, location, (ECPublicKey) signer.publicKey());
        VenueCode probe = new VenueCode("AAAAAAAAAAA", Direction.IN, 1, "key check");
        try {
            new CodeVerifier(Map.of(signer.keyId(), signer.publicKey()), 1, Duration.ofSeconds(1))
                    .verify(signer.sign(probe), Direction.IN);
        } catch (RuntimeException e) {
            throw KeyCheck.invalid(SETTING, location, "its private and public parts do not belong together");
        }
        return signer;
    }
}
