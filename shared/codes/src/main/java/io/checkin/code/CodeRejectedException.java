package io.checkin.code;

import io.checkin.error.ProblemException;

/** A code that cannot be accepted: 422 with a code that says why. */
public class CodeRejectedException extends ProblemException {

    public static final String MALFORMED = "code-malformed";
    public static final String UNKNOWN_KEY = "code-unknown-key";
    public static final String BAD_SIGNATURE = "code-signature-invalid";
    public static final String WRONG_DIRECTION = "code-wrong-direction";
    public static final String REVOKED = "code-revoked";
    public static final String VENUE_SUSPENDED = "venue-suspended";

    public CodeRejectedException(String code, String detail) {
        super(422, code, detail, "code", null);
    }
}
