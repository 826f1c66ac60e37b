package io.checkin.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.funqy.runtime.FunctionInvoker;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A function is called with POST; a function that takes no body (the warm-up) also with GET. Funqy would read
 * the query string of a GET as the function's input; here any other method is a 405 problem with an
 * {@code Allow} header, before the function runs.
 */
@ApplicationScoped
public class PostOnly {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.CHECKS).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        FunctionInvoker function = method == HttpMethod.POST ? null : FunctionRoutes.at(ctx.normalizedPath());
        if (function == null || (method == HttpMethod.GET && !function.hasInput())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Allow", function.hasInput() ? "POST" : "GET, POST");
        ctx.fail(405);
    }
}
