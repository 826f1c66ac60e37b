package io.checkin.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code verification key set is checked where codes are verified, at start: an unusable set stops the start. */
class CodeKeysAtStartTest {

    /** A P-256 public key (RFC 7515, appendix A.3). */
    static final String REAL = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";

    @TempDir
    Path dir;

    private Optional<String> file(String content) throws Exception {
        Path f = dir.resolve("keys-" + System.nanoTime());
        Files.writeString(f, content);
        return Optional.of(f.toString());
    }

    private void refused(Optional<String> location, String why) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CodeBeans.keys(location));
        assertTrue(e.getMessage().contains(CodeBeans.SETTING) && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aRealKeySetIsRead() throws Exception {
        assertEquals(java.util.Set.of("k1"), CodeBeans.keys(file("{\"keys\":[" + REAL + "]}")).keySet());
    }

    @Test
    void theDeploymentTemplatesPlaceholderSetStopsTheStart() throws Exception {
        String template = Files.readString(Path.of("../../knative/code-keys.jwks.json"));
        String json = template.substring(template.indexOf("{\"keys\""), template.lastIndexOf('}') + 1);
        refused(file(json), "placeholder");
    }

    @Test
    void aKeyThatIsNotAPointOfTheCurveStopsTheStart() throws Exception {
        String bent = REAL.replace("x_FEzRu9m36HLN_tue659", "x_FEzRu9m36HLN_tue658");
        refused(file("{\"keys\":[" + bent + "]}"), "not a point of the curve");
    }

    @Test
    void aMissingUnsetEmptyOrUnreadableSetStopsTheStart() throws Exception {
        refused(Optional.empty(), "is not set");
        refused(Optional.of(dir.resolve("absent.json").toString()), "Cannot read");
        refused(file(" "), "empty");
        refused(file("not json"), "not a valid JWK set");
        refused(file("{\"keys\":[]}"), "no EC P-256 key");
    }
}
