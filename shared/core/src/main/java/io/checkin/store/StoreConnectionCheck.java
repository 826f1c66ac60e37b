package io.checkin.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start without a configured store. The MongoDB client would otherwise fall back to
 * localhost:27017, and a deployment without its connection string would fail late and obscurely.
 */
@ApplicationScoped
public class StoreConnectionCheck {

    public static final String CONNECTION_STRING = "quarkus.mongodb.connection-string";
    static final String HOSTS = "quarkus.mongodb.hosts";

    void onStart(@Observes StartupEvent event) {
        check(ConfigProvider.getConfig());
    }

    static void check(Config config) {
        Optional<String> connection = config.getOptionalValue(CONNECTION_STRING, String.class);
        Optional<String> hosts = config.getOptionalValue(HOSTS, String.class);
        if (connection.filter(s -> !s.isBlank()).isEmpty() && hosts.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("No MongoDB configured: set QUARKUS_MONGODB_CONNECTION_STRING "
                    + "(for example mongodb://mongo-0.mongo:27017/?replicaSet=rs0), or start everything locally "
                    + "with ./local-stack, which runs an embedded store");
        }
    }
}
