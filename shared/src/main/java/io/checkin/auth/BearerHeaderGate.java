package io.checkin.auth;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.checkin.error.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request without a bearer token on a protected path before the security layer does: Quarkus
 * would send a bare 401 challenge with no body, and every client error here is a problem document.
 * Which paths are public is read from the same permission the security layer uses, so the two agree.
 */
@ApplicationScoped
public class MissingTokenGate {

    private final List<String> publicPaths;

    public MissingTokenGate(@ConfigProperty(name = "quarkus.http.auth.permission.public.paths") List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if ((authorization == null || authorization.isBlank()) && !isPublic(ctx.normalizedPath())) {
            ctx.fail(new ProblemException(401, "unauthorized", "A bearer token is required"));
            return;
        }
        ctx.next();
    }

    boolean isPublic(String path) {
        for (String pattern : publicPaths) {
            if (pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    || path.equals(pattern.substring(0, pattern.length() - 2)) : path.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
