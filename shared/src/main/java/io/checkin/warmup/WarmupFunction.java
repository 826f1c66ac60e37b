package io.checkin.warmup;

import jakarta.inject.Inject;

import io.checkin.store.Collections;
import io.quarkus.funqy.Funq;

/**
 * What the pre-warm tool and Knative's PingSource call: no business logic, no token. It resolves the store
 * beans and opens the connection pool (a cheap ping), so the first real request does not pay for either.
 */
public class WarmupFunction {

    @Inject
    Collections collections;

    @Funq("warmup")
    public Warmth warmup() {
        boolean store;
        try {
            collections.database().runCommand(new org.bson.Document("ping", 1));
            store = true;
        } catch (RuntimeException e) {
            store = false;
        }
        return new Warmth("warm", store);
    }

    public record Warmth(String status, boolean store) {
    }
}
