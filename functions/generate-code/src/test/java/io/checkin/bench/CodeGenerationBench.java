package io.checkin.bench;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Locale;
import java.util.function.IntFunction;

import org.jose4j.jwk.PublicJsonWebKey;

import io.checkin.code.CodeUrls;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.qr.Poster;
import io.checkin.qr.QrMatrix;
import io.checkin.qr.QrPng;
import io.checkin.qr.QrSvg;
import io.checkin.signing.CodeSigner;
import io.checkin.testing.Throughput;

/**
 * Codes generated per second by one thread, in-process: what generate-code spends per code without HTTP and
 * the store. Every variant runs in the same process, interleaved over several rounds, so the printed ratios
 * compare like with like on a noisy machine. Run by k6/bench/generate-code.sh.
 */
public final class CodeGenerationBench {

    private static final String BASE = "https://checkin.example";

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CodeSigner signer = new CodeSigner(key());

        IntFunction<Object> sign = i -> signer.sign(code(i));
        IntFunction<Object> svg = i -> QrSvg.render(QrMatrix.encode(url(signer, i)));
        IntFunction<Object> png = i -> Base64.getEncoder().encodeToString(QrPng.render(QrMatrix.encode(url(signer, i)), 8));
        IntFunction<Object> poster = i -> Poster.render(QrMatrix.encode(url(signer, i)),
                new Poster.Content("abcdefghijk", "Venue " + i, "1 Main Street", Direction.IN, 1));

        String[] names = { "sign only", "sign + SVG", "sign + PNG", "sign + poster" };
        IntFunction<?>[] variants = { sign, svg, png, poster };
        double[] best = Throughput.best(variants, seconds, rounds);
        System.out.printf(Locale.ROOT, "%-16s %14s %16s%n", "variant", "codes/s", "ratio to sign");
        for (int v = 0; v < variants.length; v++) {
            System.out.printf(Locale.ROOT, "%-16s %14.0f %16.2f%n", names[v], best[v], best[v] / best[0]);
        }
        System.out.printf(Locale.ROOT, "target: >= 1700 SVG codes/s on one instance -> %s%n",
                best[1] >= 1700 ? "met" : "NOT met");
    }


    private static VenueCode code(int i) {
        return new VenueCode("abcdefghijk", i % 2 == 0 ? Direction.IN : Direction.OUT, 1 + i % 7, "Venue " + i);
    }

    private static String url(CodeSigner signer, int i) {
        return CodeUrls.url(BASE, signer.sign(code(i)));
    }

    private static PublicJsonWebKey key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId("bench");
        return jwk;
    }
}
