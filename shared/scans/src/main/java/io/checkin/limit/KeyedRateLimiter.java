package io.checkin.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.checkin.memory.Fingerprint;

/**
 * A rate limit per key (generic cell rate algorithm): each key may spend {@code limit} permits at once and
 * earns one back every {@code window / limit}. One number per key, the time its allowance is next full,
 * updated with compare-and-set, so the hot path takes no lock. A key unused for a whole window has its full
 * allowance again, so forgetting it then loses nothing; memory is bounded by {@code maxKeys}, beyond which
 * the longest-unused keys are forgotten early (and start afresh: the limit errs towards letting people in).
 */
public final class KeyedRateLimiter {

    private final long interval;
    private final long tolerance;
    private final LongSupplier nanoTime;
    /** Heap per key counted at most, measured (KeyedRateLimiterMemoryTest): node, fingerprint, counter. */
    public static final int BYTES_PER_KEY = 200;

    private final Cache<Fingerprint, AtomicLong> keys;

    public KeyedRateLimiter(int limit, Duration window, long maxKeys, LongSupplier nanoTime) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.interval = window.toNanos() / limit;
        this.tolerance = interval * (limit - 1);
        this.nanoTime = nanoTime;
        this.keys = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(window)
                .ticker(nanoTime::getAsLong).build();
    }

    /** How many keys are counted now (Caffeine's estimate). */
    public long tracked() {
        return keys.estimatedSize();
    }

    /**
     * Takes one permit for the key.
     *
     * @return zero when granted; otherwise how long until the key has a permit again, and nothing is taken
     */
    public Duration tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        AtomicLong fullAt = keys.get(Fingerprint.of(key), k -> new AtomicLong(now));
        while (true) {
            long current = fullAt.get();
            long start = current - now < 0 ? now : current;
            long wait = start - now - tolerance;
            if (wait > 0) {
                return Duration.ofNanos(wait);
            }
            if (fullAt.compareAndSet(current, start + interval)) {
                return Duration.ZERO;
            }
        }
    }

    /** Gives back a permit taken for something that did not happen (a write that failed, a duplicate). */
    public void release(String key) {
        AtomicLong fullAt = keys.getIfPresent(Fingerprint.of(key));
        if (fullAt != null) {
            fullAt.addAndGet(-interval);
        }
    }
}
