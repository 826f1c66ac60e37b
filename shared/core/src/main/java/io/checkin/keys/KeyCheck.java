package io.checkin.keys;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * Start-up checks of configured keys, so that a deployment with a missing, placeholder or broken key stops at
 * start with a message naming the setting, instead of starting, turning ready, and refusing every caller.
 */
public final class KeyCheck {

    /** The word the templates in knative/ hold where a real key belongs. */
    public static final String PLACEHOLDER = "REPLACE";

    private KeyCheck() {
    }

    /** The key file's content; fails naming {@code setting} when it cannot be read or is a template's placeholder. */
    public static String content(String setting, String location) {
        String content;
        try {
            content = KeyFiles.read(location);
        } catch (IllegalStateException e) {
            throw invalid(setting, location, e.getMessage());
        }
        if (content.contains(PLACEHOLDER)) {
            throw invalid(setting, location, "it is the template's placeholder (" + PLACEHOLDER
                    + "); put the real key there (docs/operations.md)");
        }
        if (content.isBlank()) {
            throw invalid(setting, location, "it is empty");
        }
        return content;
    }

    /**
     * The key file parsed by {@code parser}; fails naming {@code setting} when it cannot be read, is a placeholder,
     * or the parser refuses it (with an {@link IllegalStateException}, whose message says why).
     */
    public static <T> T parse(String setting, String location, java.util.function.Function<String, T> parser) {
        String content = content(setting, location);
        try {
            return parser.apply(content);
        } catch (IllegalStateException e) {
            throw invalid(setting, location, e.getMessage());
        }
    }

    /** Fails naming {@code setting} unless the public key is a point of its curve (a made-up or damaged key is not). */
    public static void onCurve(String setting, String location, ECPublicKey key) {
        ECPoint w = key.getW();
        EllipticCurve curve = key.getParams().getCurve();
        BigInteger p = ((java.security.spec.ECFieldFp) curve.getField()).getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        boolean inField = x.signum() >= 0 && y.signum() >= 0 && x.compareTo(p) < 0 && y.compareTo(p) < 0;
        BigInteger left = y.pow(2).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!inField || !left.equals(right)) {
            throw invalid(setting, location, "its public key is not a point of the curve");
        }
    }

    /** An error for the log of a failed start: the setting, where it points, and what is wrong. */
    public static IllegalStateException invalid(String setting, String location, String why) {
        return new IllegalStateException("The key that " + setting + " names (" + location + ") cannot be used: " + why);
    }
}
