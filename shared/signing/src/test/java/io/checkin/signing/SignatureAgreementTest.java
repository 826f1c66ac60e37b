package io.checkin.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeRejectedException;
import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;

/**
 * The code check uses its own P-256 arithmetic (Es256Key) instead of the JDK's: it must accept and refuse exactly
 * what the JDK's ES256 check does, for genuine codes and for every kind of damaged signature.
 */
class SignatureAgreementTest {

    /** The order of P-256's group: r and s must lie in [1, N - 1]. */
    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PublicJsonWebKey key = TestCodeKeys.newKey("k1");
    private final CodeSigner signer = new CodeSigner(key);
    private final Random random = new Random(20261129);

    @Test
    void everyCheckAgreesWithTheJdksEs256() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String token = signer.sign(new VenueCode("venue-" + i, i % 2 == 0 ? Direction.IN : Direction.OUT, 1 + i,
                    "Venue " + "é".repeat(i)));
            byte[] signature = signatureOf(token);
            tokens.add(token);
            tokens.add(withSignature(token, flipOneBit(signature)));
            tokens.add(withSignature(token, flipOneBit(flipOneBit(signature))));
            tokens.add(withSignature(token, concat(numberBytes(rOf(signature)), numberBytes(N.subtract(sOf(signature))))));
            tokens.add(withSignature(token, concat(numberBytes(sOf(signature)), numberBytes(rOf(signature)))));
            tokens.add(withSignature(signer.sign(new VenueCode("venue-" + i, Direction.IN, 2 + i, "other")), signature));
        }
        byte[] some = signatureOf(tokens.get(0));
        for (BigInteger edge : List.of(BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), N,
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
            tokens.add(withSignature(tokens.get(0), concat(numberBytes(edge), numberBytes(sOf(some)))));
            tokens.add(withSignature(tokens.get(0), concat(numberBytes(rOf(some)), numberBytes(edge))));
        }

        int accepted = 0;
        for (String token : tokens) {
            boolean jdk = jdkAccepts(token);
            // a fresh verifier for each: nothing remembered from another token decides
            CodeVerifier verifier = TestCodeKeys.verifierFor(key);
            boolean ours = accepts(verifier, token);
            assertEquals(jdk, ours, () -> "the JDK " + (jdk ? "accepts" : "refuses") + " " + token);
            accepted += ours ? 1 : 0;
        }
        // genuine codes and their high-s twins (ECDSA accepts both forms of a signature, and so does the JDK)
        assertEquals(80, accepted);
    }

    @Test
    void aSignatureOfAnyOtherLengthThan64BytesIsRefusedEvenWhenItsNumbersAreRight() {
        String token = signer.sign(new VenueCode("venue", Direction.IN, 1, "Venue"));
        byte[] signature = signatureOf(token);
        byte[] padded = concat(concat(new byte[1], Arrays.copyOf(signature, 32)),
                concat(new byte[1], Arrays.copyOfRange(signature, 32, 64)));
        CodeVerifier verifier = TestCodeKeys.verifierFor(key);
        assertTrue(accepts(verifier, token));
        CodeSignatureTest.assertRejected(CodeRejectedException.BAD_SIGNATURE,
                () -> verifier.verify(withSignature(token, padded)));
        CodeSignatureTest.assertRejected(CodeRejectedException.BAD_SIGNATURE,
                () -> verifier.verify(withSignature(token, Arrays.copyOf(signature, 63))));
    }

    @Test
    void aSignatureThatIsNotBase64urlIsABadSignatureNotAnError() {
        String token = signer.sign(new VenueCode("venue", Direction.IN, 1, "Venue"));
        // five characters: a length no base64 text has
        String broken = token.substring(0, token.lastIndexOf('.') + 1) + "AAAAA";
        CodeSignatureTest.assertRejected(CodeRejectedException.BAD_SIGNATURE,
                () -> TestCodeKeys.verifierFor(key).verify(broken));
    }

    private boolean jdkAccepts(String token) throws Exception {
        Signature check = Signature.getInstance("SHA256withECDSAinP1363Format");
        check.initVerify(key.getPublicKey());
        check.update(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        try {
            return check.verify(signatureOf(token));
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static boolean accepts(CodeVerifier verifier, String token) {
        try {
            verifier.verify(token);
            return true;
        } catch (CodeRejectedException e) {
            assertEquals(CodeRejectedException.BAD_SIGNATURE, e.code(), token);
            return false;
        }
    }

    private byte[] flipOneBit(byte[] bytes) {
        byte[] flipped = bytes.clone();
        int bit = random.nextInt(bytes.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        return flipped;
    }

    private static byte[] signatureOf(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    private static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + B64.encodeToString(signature);
    }

    private static BigInteger rOf(byte[] signature) {
        return new BigInteger(1, Arrays.copyOf(signature, 32));
    }

    private static BigInteger sOf(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    }

    /** A number as exactly 32 bytes, big-endian. */
    private static byte[] numberBytes(BigInteger number) {
        byte[] bytes = number.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
