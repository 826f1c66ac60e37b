package io.checkin.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import com.mongodb.MongoException;

import io.smallrye.health.api.Wellness;

/**
 * Whether the store answers, for operators ({@code /q/health/well}, and in {@code /q/health}), not for readiness: a
 * pod that cannot reach the store still answers every call, with a 503 and Retry-After within 2 s, and Knative
 * must keep routing to it for people to get that answer (docs/operations.md, "Health").
 */
@Wellness
@ApplicationScoped
public class StoreHealth implements HealthCheck {

    @Inject
    StoreCollections collections;

    @Override
    public HealthCheckResponse call() {
        try {
            collections.database().runCommand(new Document("ping", 1));
            return HealthCheckResponse.up("store");
        } catch (MongoException e) {
            return HealthCheckResponse.named("store").down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
