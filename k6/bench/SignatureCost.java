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

/**
 * What checking a code costs on this JVM (results: docs/benchmarks.md, "Code checks"): a pod checks every code it has
 * not seen before, so its first seconds at a thousand venues are a thousand checks. Side by side, one thread, rounds
 * of 2,000 each (the last rounds after the JIT compiled them):
 * the scan functions' whole check of a code new to them (CodeVerifier: read the token, check its ES256 signature,
 * read its content), the JDK's ES256 check alone (what CodeVerifier used before), and the JDK's RS256 check that every
 * bearer token costs. Run: {@code k6/bench/signature-cost.sh}.
 */
public class SignatureCost {

    private static final int CHECKS = 2_000;

    public static void main(String[] args) throws Exception {
        var codeKey = DevKeys.newCodeKey("bench");
        CodeSigner signer = new CodeSigner(codeKey);
        // no remembered outcomes: every check is a first one, as at a venue new to the pod
        CodeVerifier verifier = new CodeVerifier(Map.of("bench", codeKey.getPublicKey()), 0, Duration.ofMinutes(1));
        String[] codes = new String[CHECKS];
        for (int i = 0; i < CHECKS; i++) {
            codes[i] = signer.sign(new VenueCode("venue-" + i, Direction.IN, 1, "Venue " + i));
        }
        byte[] content = codes[0].substring(0, codes[0].lastIndexOf('.')).getBytes();
        byte[] es256 = java.util.Base64.getUrlDecoder().decode(codes[0].substring(codes[0].lastIndexOf('.') + 1));
        KeyPair rsa = rsaPair();
        byte[] rs256 = sign("SHA256withRSA", rsa, content);
        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
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

    /** Nanoseconds per check, over {@link #CHECKS} checks. */
    private static double nanos(Runnable checks) {
        long start = System.nanoTime();
        checks.run();
        return (double) (System.nanoTime() - start) / CHECKS;
    }
}
