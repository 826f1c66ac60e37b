package io.checkin.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.keys.KeyFiles;

/** The token verification key is checked at start: a function with a key it cannot use does not start. */
class TokenKeyCheckTest {

    @TempDir
    Path dir;

    private String file(String content) throws Exception {
        Path f = dir.resolve("key-" + System.nanoTime());
        Files.writeString(f, content);
        return f.toString();
    }

    private void refused(Optional<String> location, String why) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TokenKeyCheck.check(location));
        assertTrue(e.getMessage().contains(TokenKeyCheck.SETTING) && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void anIdentityProvidersPemKeyOrJwksUrlStarts() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem = KeyFiles.pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded());
        assertDoesNotThrow(() -> TokenKeyCheck.check(Optional.of(file(pem))));
        assertDoesNotThrow(() -> TokenKeyCheck.check(Optional.of("https://idp.example.org/jwks")));
    }

    @Test
    void noKeyConfiguredStopsTheStart() {
        refused(Optional.empty(), "is not set");
    }

    @Test
    void aMissingFileStopsTheStartNamingTheSetting() {
        refused(Optional.of(dir.resolve("absent.pem").toString()), "Cannot read");
    }

    @Test
    void theTemplatesPlaceholderStopsTheStart() throws Exception {
        String template = Files.readString(Path.of("../../knative/03-secret-jwt.yaml"));
        String placeholder = template.substring(template.indexOf("-----BEGIN PUBLIC KEY-----"));
        refused(Optional.of(file(placeholder)), "placeholder");
    }

    @Test
    void somethingThatIsNotAPublicKeyStopsTheStart() throws Exception {
        refused(Optional.of(file("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n")),
                "neither a PEM public key nor a JWK");
        refused(Optional.of(file("{\"kty\":\"RSA\"}")), "neither a PEM public key nor a JWK");
    }
}
