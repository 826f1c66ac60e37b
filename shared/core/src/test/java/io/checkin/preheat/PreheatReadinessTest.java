package io.checkin.preheat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class PreheatReadinessTest {

    private final AtomicLong now = new AtomicLong();
    private final PreheatReadiness readiness = new PreheatReadiness(now::get);

    @Test
    void isDownWhileTheWarmupRunsAndUpWhenItEnds() {
        readiness.hold(Duration.ofSeconds(30));
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        readiness.release(new PreheatReport("done", 10, 10, 5));
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals("done", readiness.call().getData().orElseThrow().get("state"));
    }

    @Test
    void isUpOnceTheBudgetIsSpentEvenIfTheWarmupNeverEnds() {
        readiness.hold(Duration.ofSeconds(30));
        now.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
        assertTrue(readiness.held());
        now.incrementAndGet();
        assertFalse(readiness.held());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals("budget spent", readiness.call().getData().orElseThrow().get("state"));
    }

    @Test
    void withTheWarmupAtStartOffNothingHoldsReadinessAndNothingRuns() {
        Preheat preheat = new Preheat();
        preheat.config = config(false);
        preheat.readiness = readiness;
        preheat.onStart(null);
        assertFalse(readiness.held());
        assertFalse(preheat.running());
        assertEquals("none", readiness.call().getData().orElseThrow().get("state"));
    }

    @Test
    void unsetTheWarmupRunsAtStartOnTheJvmWhereTheJitNeedsIt() {
        assertTrue(config(Optional.empty()).runsAtStart());
        assertFalse(config(Optional.of(false)).runsAtStart());
    }

    private static PreheatConfig config(boolean atStart) {
        return config(Optional.of(atStart));
    }

    private static PreheatConfig config(Optional<Boolean> atStart) {
        return (PreheatConfig) Proxy.newProxyInstance(PreheatConfig.class.getClassLoader(),
                new Class<?>[] { PreheatConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("atStart")) {
                        return atStart;
                    }
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
