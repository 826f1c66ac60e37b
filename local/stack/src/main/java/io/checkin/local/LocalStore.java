package io.checkin.local;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.checkin.dev.EmbeddedMongo;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Owns the embedded store of the local run, and closes it last when the application stops (Ctrl-C
 * included), which commits its file so the data survives a restart.
 */
@ApplicationScoped
public class LocalStore {

    private static volatile EmbeddedMongo store;

    static void hold(EmbeddedMongo embedded) {
        store = embedded;
    }

    /** True when this process runs its own embedded store (not a MongoDB given by connection string). */
    static boolean embedded() {
        return store != null;
    }

    static String describe(String dataDir) {
        if (store == null) {
            return "external MongoDB";
        }
        return ("memory".equals(System.getenv(LocalMain.STORE_ENV)) ? "embedded, in memory (gone when stopped)"
                : "embedded, file-backed (" + dataDir + "/" + LocalMain.STORE_FILE + ")") + " at " + store.connectionString();
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedMongo held = store;
        store = null;
        if (held != null) {
            held.close();
        }
    }
}
