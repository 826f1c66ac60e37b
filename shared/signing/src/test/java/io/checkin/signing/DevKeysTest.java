package io.checkin.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.dev.DevKeys;
import io.checkin.keys.CodeKeyIds;
import io.checkin.keys.KeyFiles;
import io.checkin.signing.CodeSigner;

class DevKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceAndReusesAfterwards() throws Exception {
        Map<String, String> first = DevKeys.ensure(dir);
        String authKey = Files.readString(dir.resolve(DevKeys.AUTH_PRIVATE));
        String codeKey = Files.readString(dir.resolve(DevKeys.CODE_PRIVATE));
        Map<String, String> second = DevKeys.ensure(dir);
        assertEquals(first, second);
        assertEquals(authKey, Files.readString(dir.resolve(DevKeys.AUTH_PRIVATE)));
        assertEquals(codeKey, Files.readString(dir.resolve(DevKeys.CODE_PRIVATE)));
    }

    @Test
    void privateKeysAreReadableByTheOwnerOnly() throws Exception {
        DevKeys.ensure(dir);
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve(DevKeys.AUTH_PRIVATE)));
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve(DevKeys.CODE_PRIVATE)));
    }

    @Test
    void theCodeKeysSignAndVerifyAndTheSetHoldsNoPrivatePart() throws Exception {
        Map<String, String> config = DevKeys.ensure(dir);
        CodeSigner signer = CodeSigner.fromJwk(KeyFiles.read(config.get("checkin.codes.signing-key-location")));
        String jwks = KeyFiles.read("file:" + config.get("checkin.codes.verification-keys-location"));
        assertTrue(!jwks.contains("\"d\""), jwks);
        CodeVerifier verifier = new CodeVerifier(CodeVerifier.keysOf(jwks), 10, java.time.Duration.ofMinutes(1));
        VenueCode code = new VenueCode("abcdefghijk", Direction.IN, 1, "Pool");
        assertEquals(code, verifier.verify(signer.sign(code)));
        var published = (PublicJsonWebKey) new JsonWebKeySet(jwks).getJsonWebKeys().get(0);
        assertEquals(CodeKeyIds.of(published.getPublicKey()), signer.keyId());
    }
}
