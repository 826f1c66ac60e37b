package io.checkin.preheat;

import java.time.Duration;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness while the warm-up at start runs: DOWN until it ends or its budget is spent, whichever comes first. The
 * deadline is kept here, not by the warm-up, so that a warm-up that hangs cannot keep the pod out of service.
 */
@Readiness
@ApplicationScoped
public class PreheatReadiness implements HealthCheck {

    /** Monotonic, and not the application's clock, which tests may stop. */
    private final LongSupplier nanoTime;
    private volatile boolean holding;
    private volatile long heldUntil;
    private volatile PreheatReport last;

    public PreheatReadiness() {
        this(System::nanoTime);
    }

    PreheatReadiness(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Holds readiness DOWN until {@link #release} or for {@code budget}, whichever is shorter. */
    public void hold(Duration budget) {
        heldUntil = nanoTime.getAsLong() + budget.toNanos();
        holding = true;
    }

    public void release(PreheatReport report) {
        last = report;
        holding = false;
    }

    public boolean held() {
        return holding && nanoTime.getAsLong() - heldUntil < 0;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("warm-up").status(!held());
        PreheatReport report = last;
        if (held()) {
            response.withData("state", "warming up");
        } else if (report != null) {
            response.withData("state", report.outcome()).withData("requests", report.requests())
                    .withData("answered", report.answered()).withData("millis", report.millis());
        } else {
            response.withData("state", holding ? "budget spent" : "none");
        }
        return response.build();
    }
}
