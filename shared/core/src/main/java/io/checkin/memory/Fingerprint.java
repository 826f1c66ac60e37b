package io.checkin.memory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 128 bits of SHA-256 over a text: a cache key of fixed size, whatever the length of what a client sent, so a
 * cache's memory is its entry count times a constant. Two texts share a fingerprint with negligible probability,
 * and nobody can make a text share the fingerprint of a given one.
 */
public record Fingerprint(long high, long low) {

    /** A fingerprint's heap size: object header and two longs. */
    public static final int BYTES = 32;

    public static Fingerprint of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new Fingerprint(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
