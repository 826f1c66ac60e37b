package io.checkin.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeRejectedException;
import io.checkin.code.CodeUrls;
import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;

class CodeSignatureTest {

    private static final VenueCode CODE = new VenueCode("v1234567890", Direction.IN, 3, "Café Zürich 🍰");

    private final PublicJsonWebKey key = TestCodeKeys.newKey("k1");
    private final CodeSigner signer = new CodeSigner(key);
    private final CodeVerifier verifier = TestCodeKeys.verifierFor(key);

    @Test
    void roundTripKeepsEveryClaim() {
        assertEquals(CODE, verifier.verify(signer.sign(CODE)));
    }

    @Test
    void acceptsTheCodeUrlAsWellAsTheBareToken() {
        String token = signer.sign(CODE);
        assertEquals(CODE, verifier.verify(CodeUrls.url("https://checkin.example/", token)));
        assertEquals(CODE, verifier.verify("https://checkin.example/c/" + token + "?utm=poster#top"));
        assertEquals(CODE, verifier.verify("  " + token + "\n"));
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = signer.sign(CODE).split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"ver\":3",
                "\"ver\":4");
        String token = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(token));
    }

    @Test
    void rejectsACodeSignedWithAnotherKeyUnderAKnownKid() {
        String token = new CodeSigner(TestCodeKeys.newKey("k1")).sign(CODE);
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(token));
    }

    @Test
    void rejectsAnUnknownKid() {
        String token = new CodeSigner(TestCodeKeys.newKey("k2")).sign(CODE);
        assertRejected(CodeRejectedException.UNKNOWN_KEY, () -> verifier.verify(token));
    }

    @Test
    void acceptsEveryKeyOfARotation() {
        PublicJsonWebKey next = TestCodeKeys.newKey("k2");
        CodeVerifier rotating = TestCodeKeys.verifierFor(key, next);
        assertEquals(CODE, rotating.verify(signer.sign(CODE)));
        assertEquals(CODE, rotating.verify(new CodeSigner(next).sign(CODE)));
    }

    @Test
    void rejectsACodeOfAKeyRotatedOut() {
        PublicJsonWebKey next = TestCodeKeys.newKey("k2");
        String printedBefore = signer.sign(CODE);
        assertEquals(CODE, TestCodeKeys.verifierFor(key, next).verify(printedBefore));
        assertRejected(CodeRejectedException.UNKNOWN_KEY, () -> TestCodeKeys.verifierFor(next).verify(printedBefore));
    }

    @Test
    void rejectsTheWrongDirection() {
        String token = signer.sign(CODE);
        assertRejected(CodeRejectedException.WRONG_DIRECTION, () -> verifier.verify(token, Direction.OUT));
        assertEquals(CODE, verifier.verify(token, Direction.IN));
    }

    @Test
    void rejectsAnUnsignedToken() {
        String header = b64("{\"alg\":\"none\",\"kid\":\"k1\"}");
        String[] parts = signer.sign(CODE).split("\\.");
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify(header + "." + parts[1] + "."));
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(header + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void rejectsTextThatIsNoCode() {
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify("hello"));
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify("a.b"));
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify("!!!.###.$$$"));
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify("x".repeat(3000) + ".a.b"));
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify(null));
    }

    @Test
    void rejectsAValidSignatureOverSomethingElse() {
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload("{\"sub\":\"someone\"}");
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKeyIdHeaderValue("k1");
        jws.setKey(key.getPrivateKey());
        String token = assertDoesNotThrow(jws::getCompactSerialization);
        assertRejected(CodeRejectedException.MALFORMED, () -> verifier.verify(token));
    }

    @Test
    void rememberedOutcomesStayTheSame() {
        String token = signer.sign(CODE);
        assertEquals(verifier.verify(token), verifier.verify(token));
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(forged));
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(forged));
    }

    @Test
    void aForgottenCodeIsCheckedAgainWhetherGivenAsUrlOrToken() {
        String token = signer.sign(CODE);
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        verifier.verify(token);
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(forged));
        assertEquals(2, verifier.remembered());
        verifier.forget(CodeUrls.url("https://checkin.example/", token));
        verifier.forget(forged);
        assertEquals(0, verifier.remembered());
        assertEquals(CODE, verifier.verify(token));
        assertRejected(CodeRejectedException.BAD_SIGNATURE, () -> verifier.verify(forged));
        assertEquals(2, verifier.remembered());
    }

    static void assertRejected(String code, org.junit.jupiter.api.function.Executable call) {
        CodeRejectedException e = assertThrows(CodeRejectedException.class, call);
        assertEquals(code, e.code());
        assertEquals(422, e.status());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> supplier) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(supplier);
    }
}
