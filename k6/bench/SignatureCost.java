import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;

import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.dev.DevKeys;
import io.checkin.signing.CodeSigner;
import io.checkin.signing.Jose4jSigning;

/**
 * What checking and signing a code cost on this JVM (results: docs/benchmarks.md, "Code checks" and "Code signing"):
 * a pod checks every code it has not seen before, so its first seconds at a thousand venues are a thousand checks, and
 * generate-code signs two codes a venue. Side by side, one thread, rounds of 2,000 each (the last rounds after the JIT
 * compiled them):
 * the scan functions' whole check of a code new to them (CodeVerifier: read the token, check its ES256 signature,
 * read its content), the JDK's ES256 check alone (what CodeVerifier used before), and the JDK's RS256 check that every
 * bearer token costs; then generate-code's whole signature of a code (CodeSigner: its content as JSON, the ES256
 * signature, the token) against the same codes signed as CodeSigner did before (jose4j with the JDK's ES256), and
 * before all that, the first signature of each in this JVM (the key generated, nothing else run yet).
 * Run: {@code k6/bench/signature-cost.sh}.
 */
public class SignatureCost {

    private static final int CHECKS = 2_000;

    public static void main(String[] args) throws Exception {
        var codeKey = DevKeys.newCodeKey("bench");
        // a pod's first code: what both ways load and run once is counted with the first, CodeSigner
        VenueCode first = new VenueCode("first", Direction.IN, 1, "First venue");
        long start = System.nanoTime();
        CodeSigner signer = new CodeSigner(codeKey);
        signer.sign(first);
        long firstCode = System.nanoTime() - start;
        start = System.nanoTime();
        Jose4jSigning.sign(codeKey, first);
        long firstJose4j = System.nanoTime() - start;
        // no remembered outcomes: every check is a first one, as at a venue new to the pod
        CodeVerifier verifier = new CodeVerifier(Map.of("bench", codeKey.getPublicKey()), 0, Duration.ofMinutes(1));
        VenueCode[] venues = new VenueCode[CHECKS];
        String[] codes = new String[CHECKS];
        for (int i = 0; i < CHECKS; i++) {
            venues[i] = new VenueCode("venue-" + i, i % 2 == 0 ? Direction.IN : Direction.OUT, 1, "Venue " + i);
            codes[i] = signer.sign(venues[i]);
        }
        byte[] content = codes[0].substring(0, codes[0].lastIndexOf('.')).getBytes();
        byte[] es256 = java.util.Base64.getUrlDecoder().decode(codes[0].substring(codes[0].lastIndexOf('.') + 1));
        KeyPair rsa = rsaPair();
        byte[] rs256 = sign("SHA256withRSA", rsa, content);
        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("first signature in this JVM: CodeSigner %,d us (with its construction), jose4j + JDK %,d us%n",
                firstCode / 1_000, firstJose4j / 1_000);
        System.out.println("round  code check (CodeVerifier)  JDK ES256 check  JDK RS256 check  JDK ES256 / code check");
        for (int round = 1; round <= 6; round++) {
            double code = nanos(() -> {
                for (String c : codes) {
                    verifier.verify(c);
                }
            });
            double jdkEs256 = nanos(() -> check("SHA256withECDSAinP1363Format", codeKey.getPublicKey(), content, es256));
            double jdkRs256 = nanos(() -> check("SHA256withRSA", rsa.getPublic(), content, rs256));
            System.out.printf("%5d  %,21.0f us  %,12.0f us  %,12.0f us  %22.1f%n", round, code / 1_000,
                    jdkEs256 / 1_000, jdkRs256 / 1_000, jdkEs256 / code);
        }
        System.out.println("round  code signature (CodeSigner)  jose4j + JDK ES256 signature  jose4j + JDK / CodeSigner");
        for (int round = 1; round <= 6; round++) {
            double code = nanos(() -> {
                for (VenueCode venue : venues) {
                    signer.sign(venue);
                }
            });
            double jdk = nanos(() -> {
                for (VenueCode venue : venues) {
                    Jose4jSigning.sign(codeKey, venue);
                }
            });
            System.out.printf("%5d  %,24.0f us  %,25.0f us  %24.1f%n", round, code / 1_000, jdk / 1_000, jdk / code);
        }
    }

    private static void check(String algorithm, java.security.PublicKey key, byte[] content, byte[] signed) {
        try {
            for (int i = 0; i < CHECKS; i++) {
                Signature signature = Signature.getInstance(algorithm);
                signature.initVerify(key);
                signature.update(content);
                if (!signature.verify(signed)) {
                    throw new IllegalStateException("a valid signature was refused");
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static byte[] sign(String algorithm, KeyPair pair, byte[] content) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(pair.getPrivate());
        signature.update(content);
        return signature.sign();
    }

    /** Nanoseconds per check or signature, over {@link #CHECKS} of them. */
    private static double nanos(Runnable checks) {
        long start = System.nanoTime();
        checks.run();
        return (double) (System.nanoTime() - start) / CHECKS;
    }
}
