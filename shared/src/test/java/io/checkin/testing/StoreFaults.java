package io.checkin.testing;

import org.junit.jupiter.api.Assumptions;

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

    public void up() {
        if (proxy != null) {
            proxy.pass();
        }
    }
}
