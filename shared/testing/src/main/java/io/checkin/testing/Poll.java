package io.checkin.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, so tests wait on what happens rather than on a guessed sleep. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Poll() {
    }

    /** True once the condition holds; false if it still does not after {@code within}. */
    public static boolean until(BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !pause(INTERVAL)) {
                return false;
            }
        }
        return true;
    }

    /** Sleeps; false (with the thread's interrupt flag kept) when interrupted. */
    public static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
