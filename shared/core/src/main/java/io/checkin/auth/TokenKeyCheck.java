package io.checkin.auth;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

import io.checkin.keys.KeyCheck;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start when the key that verifies bearer tokens, read from a file, is missing, the template's
 * placeholder, or not a public key: smallrye-jwt would read it only at the first request, and every caller would
 * get a 401 from a pod that reported ready. A JWKS URL (http or https) is the identity provider's to serve; it is
 * not fetched here.
 */
@ApplicationScoped
public class TokenKeyCheck {

    public static final String SETTING = "mp.jwt.verify.publickey.location";

    void onStart(@Observes StartupEvent event) {
        boolean inline = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.publickey", String.class)
                .filter(k -> !k.isBlank() && !"NONE".equals(k)).isPresent();
        if (!inline) { // a key given inline (mp.jwt.verify.publickey) is smallrye-jwt's to read
            check(ConfigProvider.getConfig().getOptionalValue(SETTING, String.class));
        }
    }

    static void check(Optional<String> location) {
        if (location.isEmpty() || location.get().isBlank()) {
            throw new IllegalStateException(SETTING + " is not set: the identity provider's public key (a PEM file, a "
                    + "JWK or JWK set file, or a JWKS URL) that bearer tokens are verified with");
        }
        String where = location.get();
        if (where.startsWith("http://") || where.startsWith("https://")) {
            return;
        }
        String content = KeyCheck.content(SETTING, where).trim();
        if (!(content.startsWith("{") ? jwk(content) : pem(content))) {
            throw KeyCheck.invalid(SETTING, where, "it is neither a PEM public key nor a JWK or JWK set");
        }
    }

    private static boolean pem(String content) {
        if (!content.contains("-----BEGIN PUBLIC KEY-----")) {
            return false;
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(content.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String algorithm : new String[] { "RSA", "EC" }) {
            try {
                KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return true;
            } catch (Exception e) {
                // the other algorithm, or not a key
            }
        }
        return false;
    }

    private static boolean jwk(String content) {
        try {
            if (content.contains("\"keys\"")) {
                return !new JsonWebKeySet(content).getJsonWebKeys().isEmpty();
            }
            return JsonWebKey.Factory.newJwk(content).getKey() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
