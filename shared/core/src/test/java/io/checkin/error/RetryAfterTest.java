package io.checkin.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void roundsUpToWholeSeconds() {
        assertEquals(3, RetryAfter.seconds(Duration.ofMillis(2001)));
        assertEquals(3, RetryAfter.seconds(Duration.ofSeconds(3)));
    }

    @Test
    void neverSaysZero() {
        assertEquals(1, RetryAfter.seconds(Duration.ofMillis(1)));
        assertEquals(1, RetryAfter.seconds(Duration.ZERO));
    }
}
