package io.checkin.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** 20 a minute: a permit comes back every 3 seconds; the clock is the test's. */
class KeyedRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final KeyedRateLimiter limiter = new KeyedRateLimiter(20, Duration.ofMinutes(1), 1000, now::get);

    @Test
    void grantsTheWholeAllowanceAtOnceThenSaysHowLongToWait() {
        for (int i = 0; i < 20; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire("alice"), "permit " + (i + 1));
        }
        assertEquals(Duration.ofSeconds(3), limiter.tryAcquire("alice"));
        advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire("alice"), "a refusal takes nothing");
    }

    @Test
    void onePermitComesBackPerInterval() {
        spendAll("bob");
        advance(Duration.ofSeconds(3));
        assertEquals(Duration.ZERO, limiter.tryAcquire("bob"));
        assertEquals(Duration.ofSeconds(3), limiter.tryAcquire("bob"));
    }

    @Test
    void aSteadyRateAtTheLimitIsNeverRefused() {
        for (int i = 0; i < 200; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire("carol"), "scan " + i);
            advance(Duration.ofSeconds(3));
        }
    }

    @Test
    void aReleasedPermitCanBeTakenAgain() {
        spendAll("dave");
        limiter.release("dave");
        assertEquals(Duration.ZERO, limiter.tryAcquire("dave"));
        assertEquals(Duration.ofSeconds(3), limiter.tryAcquire("dave"));
    }

    @Test
    void peopleAreLimitedSeparately() {
        spendAll("erin");
        assertEquals(Duration.ZERO, limiter.tryAcquire("frank"));
    }

    @Test
    void aWholeWindowIdleRestoresTheWholeAllowance() {
        spendAll("gina");
        advance(Duration.ofMinutes(1));
        spendAll("gina");
    }

    @Test
    void concurrentRequestsGetExactlyTheAllowance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return limiter.tryAcquire("crowd").isZero();
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Boolean> answer : answers) {
                granted += answer.get() ? 1 : 0;
            }
            assertEquals(20, granted);
        } finally {
            pool.shutdownNow();
        }
    }

    private void spendAll(String key) {
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.tryAcquire(key).isZero(), key + " permit " + (i + 1));
        }
        assertTrue(!limiter.tryAcquire(key).isZero(), key + " has spent the allowance");
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
