package io.checkin.error;

import java.time.Duration;

/** The {@code Retry-After} header counts whole seconds: a client told 0 would retry at once. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait in whole seconds, rounded up, at least one. */
    public static int seconds(Duration wait) {
        long nanos = Math.max(0, wait.toNanos());
        return (int) Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
