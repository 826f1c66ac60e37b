package io.checkin.error;

import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;

/** Where this project's own routes sit among Quarkus' (a lower order runs first). */
public final class RouteOrder {

    /**
     * The checks that answer before a function runs (shutting down, the method, the bearer header): after Quarkus'
     * CORS filter (order -300), so a browser's preflight is answered and every refusal carries the CORS headers the
     * check-in page needs to read it, and before authentication (-200), so a missing token is a problem document.
     */
    public static final int CHECKS = -SecurityHandlerPriorities.AUTHENTICATION - 1;

    /** The origin check: before the CORS filter, whose own refusal of an origin is a bare 403 without a body. */
    public static final int ORIGIN = -SecurityHandlerPriorities.CORS - 1;

    private RouteOrder() {
    }
}
