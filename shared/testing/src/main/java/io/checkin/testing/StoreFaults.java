package io.checkin.testing;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Assumptions;

import io.checkin.store.StoreCollections;

/** Lets a test take the store down and bring it back; only possible with the embedded store. */
public final class StoreFaults {

    private final TcpFaultProxy proxy;

    StoreFaults(TcpFaultProxy proxy) {
        this.proxy = proxy;
    }

    public void assumeControllable() {
        Assumptions.assumeTrue(proxy != null, "store faults need the embedded store (CHECKIN_TEST_MONGODB_URI is set)");
    }

    public void down() {
        assumeControllable();
        proxy.refuse();
    }

    public void hang() {
        assumeControllable();
        proxy.hang();
    }

    /** The store carries out what it is sent, but its answers are lost on the way back. */
    public void loseReplies() {
        assumeControllable();
        proxy.loseReplies();
    }

    public void up() {
        if (proxy != null) {
            proxy.pass();
        }
    }

    /**
     * Brings the store back and waits until it answers: the first command after a fault meets a pooled
     * connection the proxy dropped, and only then does the driver clear its pool. A test's clean-up calls
     * this, so the next test starts with a working store.
     */
    public void upAndAnswering(StoreCollections store) {
        up();
        if (!Poll.until(() -> answers(store), Duration.ofSeconds(10))) {
            throw new AssertionError("The store did not answer within 10 s of coming back");
        }
    }

    private static boolean answers(StoreCollections store) {
        try {
            store.database().runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
