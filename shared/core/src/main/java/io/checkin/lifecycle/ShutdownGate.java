package io.checkin.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.checkin.error.ProblemException;
import io.checkin.error.RouteOrder;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses new requests once the process is stopping, with a 503 the client retries elsewhere. Quarkus's
 * graceful shutdown ({@code quarkus.shutdown.timeout}) waits for the requests in flight but still lets new
 * ones in until the server closes; such a request could store a scan and then be cut off before its answer.
 * The flag is set in the pre-shutdown phase ({@code quarkus.shutdown.delay-enabled}), before that wait
 * starts, so every request either is refused here or is counted and answered before the server closes.
 */
@ApplicationScoped
public class ShutdownGate {

    private volatile boolean stopping;

    void register(@Observes Router router) {
        router.route().order(RouteOrder.CHECKS).handler(this::check);
    }

    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void check(RoutingContext ctx) {
        if (stopping) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.fail(refusal());
            return;
        }
        ctx.next();
    }

    /** What a request that arrives while the instance stops is told. */
    public static ProblemException refusal() {
        return ProblemException.unavailable("shutting-down", "This instance is stopping; retry shortly", 1);
    }
}
