package io.checkin.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.checkin.error.ProblemException;
import io.checkin.error.RouteOrder;
import io.quarkus.vertx.http.runtime.PolicyMappingConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request on a protected path whose Authorization header is not {@code Bearer <token>} (none, blank,
 * another scheme, the scheme alone, a token without the scheme) before the security layer does: Quarkus would
 * treat it as no token and send a bare 401 challenge with no body, and every client error here is a problem
 * document. Whether the token itself is valid is the security layer's to say. Which paths are public is read
 * from the same permissions the security layer uses (every one whose policy is {@code permit}: the probes and the
 * warm-up in core, the check-in page where an application serves it), so the two agree.
 */
@ApplicationScoped
public class BearerHeaderGate {

    /** The scheme is case-insensitive (RFC 9110); one space, then the token, itself without spaces. */
    private static final Pattern BEARER = Pattern.compile("(?i)Bearer [^\\s]+");

    private final List<String> publicPaths;

    public BearerHeaderGate() {
        this(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class)
                .auth().permissions());
    }

    BearerHeaderGate(Map<String, PolicyMappingConfig> permissions) {
        this.publicPaths = permitted(permissions);
    }

    /** The paths of every HTTP permission whose policy is {@code permit}, as the security layer reads them. */
    static List<String> permitted(Map<String, PolicyMappingConfig> permissions) {
        List<String> paths = new ArrayList<>();
        permissions.values().stream().filter(permission -> "permit".equals(permission.policy()))
                .forEach(permission -> permission.paths().ifPresent(paths::addAll));
        return List.copyOf(paths);
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.CHECKS).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if ((authorization == null || !BEARER.matcher(authorization).matches()) && !isPublic(ctx.normalizedPath())) {
            ctx.fail(new ProblemException(401, "unauthorized", authorization == null || authorization.isBlank()
                    ? "A bearer token is required" : "The Authorization header must be 'Bearer <token>'"));
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
