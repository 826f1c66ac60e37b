package io.checkin.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.funqy.runtime.FunctionInvoker;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A function is called with POST; a function that takes no body (the warm-up) also with GET. Funqy would read
 * the query string of a GET as the function's input; here any other method is a 405 problem with an
 * {@code Allow} header, before the function runs. A body declared as anything but JSON ({@code text/plain}, a form)
 * is a 415 problem: Funqy would read it as JSON whatever it says it is. A body without a Content-Type is read as JSON.
 */
@ApplicationScoped
public class PostOnly {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.CHECKS).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (method == HttpMethod.POST && contentType != null && !isJson(contentType)
                && FunctionRoutes.at(ctx.normalizedPath()) != null) {
            ctx.fail(415);
            return;
        }
        FunctionInvoker function = method == HttpMethod.POST ? null : FunctionRoutes.at(ctx.normalizedPath());
        if (function == null || (method == HttpMethod.GET && !function.hasInput())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Allow", function.hasInput() ? "POST" : "GET, POST");
        ctx.fail(405);
    }

    /** application/json, or a JSON-based type (application/problem+json), with or without parameters. */
    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
