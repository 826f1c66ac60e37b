package io.checkin.warmup.knative;

/** A pre-warm that cannot be done, with a message that says why and what to do. */
public class PrewarmException extends RuntimeException {

    public PrewarmException(String message, Throwable cause) {
        super(message, cause);
    }

    public PrewarmException(String message) {
        super(message);
    }
}
