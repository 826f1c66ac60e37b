package io.checkin.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeRejectedException;
import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.keys.CodeKeyIds;

/**
 * CodeSigner signs with BouncyCastle's P-256 instead of jose4j's call to the JDK: every token it makes must be one the
 * JDK's own ES256 check and the scan functions' check accept, in the format jose4j wrote.
 */
class SignedCodesTest {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    /** Letters of several scripts, a character outside the BMP, and what JSON escapes. */
    private static final String[] NAME_PARTS = { "Café", "Zürich", "Łódź", "東京駅", "서울", "Αθήνα", "🍰", "\"quoted\"",
            "back\\slash", "tab\t", "a/b", "<&>", " ", "Pool", "9" };

    private final PublicJsonWebKey key = TestCodeKeys.newKey("k1");
    private final CodeSigner signer = new CodeSigner(key);
    private final Random random = new Random(20261129);

    @Test
    void everySignatureIs64BytesAndVerifiesWithTheJdksEs256AndWithTheCodeCheck() throws Exception {
        CodeVerifier verifier = TestCodeKeys.verifierFor(key);
        for (int i = 0; i < 400; i++) {
            VenueCode code = randomCode();
            String token = signer.sign(code);
            byte[] signature = signatureOf(token);
            assertEquals(64, signature.length, token);
            assertTrue(jdkVerifies(key, signingInput(token), signature), token);
            assertEquals(code, verifier.verify(token));
        }
    }

    @Test
    void aCodeSignedTwiceIsTheSameTokenAndAnotherCodeIsAnotherSignature() {
        VenueCode code = new VenueCode("v1234567890", Direction.IN, 3, "Café Zürich 🍰");
        String token = signer.sign(code);
        assertEquals(token, signer.sign(code));
        assertEquals(token, new CodeSigner(key).sign(code));
        byte[] exit = signatureOf(signer.sign(new VenueCode("v1234567890", Direction.OUT, 3, "Café Zürich 🍰")));
        // r comes from k: another code must not reuse it, or the key could be computed from the two signatures
        assertFalse(Arrays.equals(Arrays.copyOf(signatureOf(token), 32), Arrays.copyOf(exit, 32)));
    }

    @Test
    void aTamperedPayloadVerifiesNeitherWithTheJdkNorWithTheCodeCheck() throws Exception {
        for (int i = 0; i < 20; i++) {
            VenueCode code = randomCode();
            String[] parts = signer.sign(code).split("\\.");
            VenueCode other = new VenueCode(code.venueId(), code.direction(), code.codeVersion() ^ 1, code.venueName());
            String otherPayload = signer.sign(other).split("\\.")[1];
            String forged = parts[0] + "." + otherPayload + "." + parts[2];
            assertFalse(jdkVerifies(key, signingInput(forged), B64.decode(parts[2])), forged);
            CodeSignatureTest.assertRejected(CodeRejectedException.BAD_SIGNATURE,
                    () -> TestCodeKeys.verifierFor(key).verify(forged));
        }
    }

    @Test
    void theHeaderAndThePayloadAreWhatJose4jWrote() {
        String thumbprint = CodeKeyIds.of(TestCodeKeys.newKey("any").getPublicKey());
        for (String kid : List.of("k1", "2026-11/codes", "clé \"quoted\" \\ 🔑", thumbprint)) {
            PublicJsonWebKey withKid = TestCodeKeys.newKey(kid);
            CodeSigner kidSigner = new CodeSigner(withKid);
            CodeVerifier verifier = TestCodeKeys.verifierFor(withKid);
            for (int i = 0; i < 20; i++) {
                VenueCode code = randomCode();
                String ours = kidSigner.sign(code);
                String jose4j = Jose4jSigning.sign(withKid, code);
                assertEquals(signingInput(jose4j), signingInput(ours));
                assertEquals(verifier.verify(jose4j), verifier.verify(ours));
            }
        }
        assertEquals("{\"alg\":\"ES256\",\"kid\":\"k1\"}",
                new String(B64.decode(signer.sign(randomCode()).split("\\.")[0]), StandardCharsets.UTF_8));
    }

    @Test
    void oneSignerSignsFromManyThreadsAtOnceAsFromOne() throws Exception {
        List<VenueCode> codes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            codes.add(randomCode());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> signed = new ArrayList<>();
            for (VenueCode code : codes) {
                signed.add(threads.submit(() -> signer.sign(code)));
            }
            for (int i = 0; i < codes.size(); i++) {
                assertEquals(new CodeSigner(key).sign(codes.get(i)), signed.get(i).get());
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aPrivatePartThatIsNoP256PrivateKeyIsRefused() throws Exception {
        String json = key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        String d = json.replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
        String zero = json.replace(d, Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CodeSigner.fromJwk(zero));
        assertTrue(e.getMessage().contains("P-256"), e.getMessage());
    }

    private VenueCode randomCode() {
        StringBuilder name = new StringBuilder();
        for (int parts = 1 + random.nextInt(5); parts > 0; parts--) {
            name.append(NAME_PARTS[random.nextInt(NAME_PARTS.length)]);
        }
        StringBuilder venueId = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            venueId.append((char) ('a' + random.nextInt(26)));
        }
        return new VenueCode(venueId.toString(), random.nextBoolean() ? Direction.IN : Direction.OUT,
                1 + random.nextInt(Integer.MAX_VALUE - 1), name.toString());
    }

    private static String signingInput(String token) {
        return token.substring(0, token.lastIndexOf('.'));
    }

    private static byte[] signatureOf(String token) {
        return B64.decode(token.substring(token.lastIndexOf('.') + 1));
    }

    /** The JDK's own check, SHA256withECDSA, which takes the signature in DER (RFC 3279): r and s as INTEGERs. */
    private static boolean jdkVerifies(PublicJsonWebKey key, String signingInput, byte[] signature)
            throws GeneralSecurityException {
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(key.getPublicKey());
        check.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return check.verify(der(signature));
    }

    private static byte[] der(byte[] signature) {
        byte[] r = new BigInteger(1, Arrays.copyOf(signature, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(2 + r.length + 2 + s.length);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }
}
