package io.checkin.venue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

import io.checkin.memory.Fingerprint;

/** Short, random, URL-safe venue ids: unguessable, and short enough to keep the printed codes small. */
public final class VenueIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    /** 58^11 is about 2.4e19: collisions among millions of venues are negligible, and retried anyway. */
    public static final int LENGTH = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VenueIds() {
    }

    public static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /**
     * The id of the {@code index}-th venue a manager registers in the request they named {@code requestId}: the same
     * for every retry of that request, so a retry finds the venue the first attempt wrote instead of adding one, and
     * different for every other manager or request (the digits of a SHA-256 fingerprint, as unguessable as random).
     */
    public static String forRequest(String ownerSub, String requestId, int index) {
        Fingerprint print = Fingerprint.of(ownerSub.length() + ":" + ownerSub + "/" + requestId + "/" + index);
        BigInteger value = new BigInteger(1, ByteBuffer.allocate(16)
                .putLong(print.high()).putLong(print.low()).array());
        BigInteger base = BigInteger.valueOf(ALPHABET.length);
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            BigInteger[] division = value.divideAndRemainder(base);
            id[i] = ALPHABET[division[1].intValue()];
            value = division[0];
        }
        return new String(id);
    }

    /** The venue id in a request's {@code venueId} field, or a 400 naming the field. */
    public static String required(String value) {
        String id = io.checkin.error.Fields.text(value, "venueId", 64);
        if (!looksValid(id)) {
            throw io.checkin.error.ProblemException.badRequest("invalid-field", "venueId", "venueId is not a venue id");
        }
        return id;
    }

    public static boolean looksValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (java.util.Arrays.binarySearch(ALPHABET, id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
