package io.checkin.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.dev.DevKeys;

/** The code signing key is checked at start where codes are issued: an unusable key stops the start. */
class SigningKeyAtStartTest {

    @TempDir
    Path dir;

    private String file(String content) throws Exception {
        Path f = dir.resolve("key-" + System.nanoTime());
        Files.writeString(f, content);
        return f.toString();
    }

    private void refused(String location, String why) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SigningBeans.signer(location));
        assertTrue(e.getMessage().contains(SigningBeans.SETTING) && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aGeneratedKeySigns() throws Exception {
        PublicJsonWebKey key = DevKeys.newCodeKey("k1");
        assertEquals("k1", SigningBeans.signer(file(key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE))).keyId());
    }

    @Test
    void theDeploymentTemplatesPlaceholderStopsTheStart() throws Exception {
        String template = Files.readString(Path.of("../../knative/04-secret-code-signing.yaml"));
        String json = template.substring(template.indexOf("{\"kty\""), template.lastIndexOf('}') + 1);
        refused(file(json), "placeholder");
    }

    @Test
    void aPrivateKeyFromAnotherPairStopsTheStart() throws Exception {
        PublicJsonWebKey one = DevKeys.newCodeKey("k1");
        PublicJsonWebKey other = DevKeys.newCodeKey("k1");
        one.setPrivateKey(other.getPrivateKey());
        refused(file(one.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)), "do not belong together");
    }

    @Test
    void aPublicKeyAloneOrSomethingElseStopsTheStart() throws Exception {
        refused(file(DevKeys.newCodeKey("k1").toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)), "private EC P-256");
        refused(file("not a key"), "not a valid JWK");
        refused(dir.resolve("absent.json").toString(), "Cannot read");
    }
}
