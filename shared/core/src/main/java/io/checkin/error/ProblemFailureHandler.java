package io.checkin.error;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where failures become HTTP answers. Funqy cannot set a status and wraps what a function
 * throws, so every failure on every route lands here and leaves as {@code application/problem+json}.
 */
@ApplicationScoped
public class ProblemFailureHandler {

    private static final Logger LOG = Logger.getLogger(ProblemFailureHandler.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    FailureClassifier classifier;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // No route matched (an unknown function) or the wrong method: Vert.x answers these without a failure.
        router.errorHandler(404, this::handle);
        router.errorHandler(405, this::handle);
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        ProblemException problem = classifier.classify(ctx);
        if (problem.status() >= 500 && problem.retryAfterSeconds() == null) {
            LOG.errorf(ctx.failure(), "Unexpected failure on %s %s", ctx.request().method(), ctx.request().path());
        }
        var response = ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.retryAfterSeconds() != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        try {
            response.end(mapper.writeValueAsString(Problem.of(problem, ctx.request().path())));
        } catch (IOException e) {
            response.end();
        }
    }
}
