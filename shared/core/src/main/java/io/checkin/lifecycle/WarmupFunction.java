package io.checkin.lifecycle;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.checkin.store.StoreCollections;
import io.quarkus.funqy.Funq;

/**
 * What the pre-warm tool and Knative's PingSource call: no business logic, no token. It resolves the store
 * beans and opens the connection pool (a cheap ping), so the first real request does not pay for either.
 */
public class WarmupFunction {

    private static final Logger LOG = Logger.getLogger(WarmupFunction.class);

    @Inject
    StoreCollections collections;

    @Funq("warmup")
    public Warmth warmup() {
        boolean store;
        try {
            collections.database().runCommand(new org.bson.Document("ping", 1));
            store = true;
        } catch (RuntimeException e) {
            LOG.debugf("Warm-up could not reach the store: %s", e.getMessage());
            store = false;
        }
        return new Warmth("warm", store);
    }

    public record Warmth(String status, boolean store) {
    }
}
