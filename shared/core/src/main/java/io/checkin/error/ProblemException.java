package io.checkin.error;

/**
 * A failure with a known HTTP status and a stable machine-readable code. The failure handler turns it
 * into an {@code application/problem+json} answer; anything else that escapes a function is a 500.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String code, String detail, String field, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    public static ProblemException badRequest(String code, String field, String detail) {
        return new ProblemException(400, code, detail, field, null);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(403, code, detail);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, detail);
    }

    public static ProblemException conflict(String code, String field, String detail) {
        return new ProblemException(409, code, detail, field, null);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, code, detail);
    }

    public static ProblemException unavailable(String code, String detail, int retryAfterSeconds) {
        return new ProblemException(503, code, detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
