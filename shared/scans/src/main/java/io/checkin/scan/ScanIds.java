package io.checkin.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import io.checkin.error.ProblemException;

/**
 * The id of a stored scan, derived from who scanned and the phone's scan id: a retried request is the same
 * document (a duplicate key, not a second scan), and two people using the same scan id never collide.
 */
public final class ScanIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ScanIds() {
    }

    /** 128 bits of SHA-256 over the subject and the scan id, base64url: 22 characters. */
    public static String of(String userSub, String scanId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] subject = userSub.getBytes(StandardCharsets.UTF_8);
            // the length prefix keeps ("ab", "c...") and ("a", "bc...") apart
            sha.update(new byte[] { (byte) (subject.length >>> 24), (byte) (subject.length >>> 16),
                    (byte) (subject.length >>> 8), (byte) subject.length });
            sha.update(subject);
            sha.update(scanId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The scan id in its canonical form, the lower-case UUID, or a 400 naming the field. Only the 36 ASCII
     * characters of a UUID are a scan id: no spaces or line breaks around it, and no digits of other scripts
     * (which {@link java.util.UUID#fromString} would read as ASCII ones), so one scan id has one spelling
     * apart from the case of its hex digits, and those two spellings are the same scan.
     */
    public static String canonical(String scanId) {
        if (scanId == null) {
            throw ProblemException.badRequest("missing-field", "scanId", "scanId is required");
        }
        if (!UUID_TEXT.matcher(scanId).matches()) {
            throw ProblemException.badRequest("invalid-field", "scanId", "scanId must be a UUID");
        }
        return scanId.toLowerCase(Locale.ROOT);
    }
}
