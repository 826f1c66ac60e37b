package io.checkin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;

import io.checkin.store.StoreCollections;

/**
 * How many venues, scans and disclosure records the store holds: taken before a call that must be refused,
 * and compared after it, so every rejection test checks that nothing at all was written.
 */
public record StoreCounts(long venues, long scans, long disclosures) {

    public static StoreCounts of(StoreCollections store) {
        return new StoreCounts(store.venues().countDocuments(), store.scans().countDocuments(),
                store.disclosures().countDocuments());
    }

    /** Runs {@code action} and asserts it wrote nothing; {@code call} names it in a failure. */
    public static <T> T unchangedBy(StoreCollections store, String call, Supplier<T> action) {
        StoreCounts before = of(store);
        T result = action.get();
        before.assertUnchanged(store, call);
        return result;
    }

    /** Asserts the store still holds what it held when these counts were taken; {@code call} names what ran. */
    public void assertUnchanged(StoreCollections store, String call) {
        StoreCounts now = of(store);
        assertEquals(venues, now.venues, call + " created no venue");
        assertEquals(scans, now.scans, call + " recorded no scan");
        assertEquals(disclosures, now.disclosures, call + " disclosed nothing");
    }
}
