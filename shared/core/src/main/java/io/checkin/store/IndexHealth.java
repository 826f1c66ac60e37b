package io.checkin.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Whether the indexes (and with them the retention of scans and disclosures) are as configured, for operators
 * ({@code /q/health/well}, and in {@code /q/health}), not for readiness: a pod serves without them. Down with the
 * store's reason while IndexSetup keeps retrying, e.g. a user without the privilege to change a TTL index, which
 * would otherwise leave the old retention in force with nothing but a log line to say so.
 */
@Wellness
@ApplicationScoped
public class IndexHealth implements HealthCheck {

    @Inject
    IndexSetup setup;

    @Override
    public HealthCheckResponse call() {
        return setup.failure().map(reason -> HealthCheckResponse.named("indexes").down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.up("indexes"));
    }
}
