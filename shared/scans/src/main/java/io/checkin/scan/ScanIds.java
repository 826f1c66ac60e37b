package io.checkin.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import io.checkin.error.Fields;

/**
 * The id of a stored scan, derived from who scanned and the phone's scan id: a retried request is the same
 * document (a duplicate key, not a second scan), and two people using the same scan id never collide.
 */
public final class ScanIds {

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

    /** The scan id in its canonical form, the lower-case UUID, or a 400 naming the field ({@link Fields#uuid}). */
    public static String canonical(String scanId) {
        return Fields.uuid(scanId, "scanId");
    }
}
