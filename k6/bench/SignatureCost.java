import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * What one signature check costs on this JVM (results: docs/benchmarks.md, "Pre-heat"): ES256, which every code a pod
 * sees for the first time costs, against RS256, which every bearer token costs. One thread, rounds of 2,000 checks
 * each, the last rounds after the JIT compiled them. Run with any JDK: {@code java k6/bench/SignatureCost.java}.
 */
public class SignatureCost {

    public static void main(String[] args) throws Exception {
        byte[] content = new byte[200];
        KeyPair ec = pair("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair rsa = pair("RSA", null);
        byte[] ecSignature = sign("SHA256withECDSAinP1363Format", ec, content);
        byte[] rsaSignature = sign("SHA256withRSA", rsa, content);
        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (int round = 1; round <= 5; round++) {
            System.out.printf("round %d: ES256 check %,d us, RS256 check %,d us%n", round,
                    micros("SHA256withECDSAinP1363Format", ec, content, ecSignature),
                    micros("SHA256withRSA", rsa, content, rsaSignature));
        }
    }

    private static KeyPair pair(String algorithm, ECGenParameterSpec curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve == null) {
            generator.initialize(2048);
        } else {
            generator.initialize(curve);
        }
        return generator.generateKeyPair();
    }

    private static byte[] sign(String algorithm, KeyPair pair, byte[] content) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(pair.getPrivate());
        signature.update(content);
        return signature.sign();
    }

    /** Microseconds per check, over 2,000 checks. */
    private static long micros(String algorithm, KeyPair pair, byte[] content, byte[] signed) throws Exception {
        int checks = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(pair.getPublic());
            signature.update(content);
            if (!signature.verify(signed)) {
                throw new IllegalStateException("a valid signature was refused");
            }
        }
        return (System.nanoTime() - start) / checks / 1_000;
    }
}
