package io.checkin.code;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The caches a scan loads through: codes checked ({@link CodeVerifier}) and venues' states ({@link VenueStatusCache}).
 * A first scan at a venue loads its entry (a signature check, a store read) while holding the lock of the entry's bin
 * in the cache's hash table, and the table of an empty cache has few bins, which grow only as it fills: at a pod's
 * start, when most scans are first scans, scans at different venues waited for each other's loads (measured after a
 * warm-up, up to a quarter of a second each in the first second; docs/benchmarks.md, "Pre-heat"). So the table is
 * made at the size a full cache's table has (ConcurrentHashMap's, for {@code maximumSize} entries), up to
 * {@link #MOST_ENTRIES}; the memory counted at start is a full cache's, so this adds nothing to it. Scans at the same
 * new venue still wait for its one load, as they should.
 */
final class LoadingCaches {

    /** A table for this many entries (131,072 bins, 512 KiB) is wide enough for any pod's concurrent first scans. */
    static final int MOST_ENTRIES = 1 << 16;
    /** The smallest caches too (the warm-up's, which hold nothing) get a table for this many (2,048 bins, 8 KiB). */
    static final int FEWEST_ENTRIES = 1 << 10;

    private LoadingCaches() {
    }

    /** A cache builder for at most {@code maximumSize} entries, its table sized for them. */
    static Caffeine<Object, Object> holding(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize)
                .initialCapacity((int) Math.max(FEWEST_ENTRIES, Math.min(maximumSize, MOST_ENTRIES)));
    }
}
