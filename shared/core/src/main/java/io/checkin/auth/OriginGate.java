package io.checkin.auth;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.checkin.error.ProblemException;
import io.checkin.error.RouteOrder;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.cors.CORSConfig;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request that a browser sent from an origin the function does not allow ({@code quarkus.http.cors.origins},
 * the check-in page's), as a problem document before anything runs: Quarkus' CORS filter would refuse it too, but
 * with a bare 403. A request without an {@code Origin} header (any client that is not a browser) and a browser on the
 * function's own origin (the local stack, where the page and the functions share one) pass.
 */
@ApplicationScoped
public class OriginGate {

    private final boolean enabled;
    private final List<String> allowed;

    public OriginGate() {
        this(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class).cors());
    }

    OriginGate(CORSConfig cors) {
        this.enabled = cors.enabled();
        this.allowed = cors.origins().orElse(List.of());
    }

    void register(@Observes Router router) {
        if (enabled) {
            router.route().order(RouteOrder.ORIGIN).handler(this::check);
        }
    }

    void check(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allows(origin) || origin.equals(ctx.request().scheme() + "://" + ctx.request().authority())) {
            ctx.next();
            return;
        }
        ctx.fail(new ProblemException(403, "origin-not-allowed",
                "A browser on " + origin + " may not call this function: only the check-in page's origin may"));
    }

    /** As Quarkus reads the setting: an entry between slashes is a regular expression, any other the origin. */
    boolean allows(String origin) {
        for (String entry : allowed) {
            boolean regex = entry.length() > 1 && entry.startsWith("/") && entry.endsWith("/");
            if (regex ? Pattern.matches(entry.substring(1, entry.length() - 1), origin) : entry.equals(origin)) {
                return true;
            }
        }
        return false;
    }
}
