package io.checkin.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of every error answer (RFC 9457), plus {@code code}, a stable identifier clients can switch on,
 * and {@code field}, the offending input field when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String code, String field, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemException e, String instance) {
        return new Problem("/problems/" + e.code(), title(e.status()), e.status(), e.getMessage(), e.code(), e.field(),
                instance);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
