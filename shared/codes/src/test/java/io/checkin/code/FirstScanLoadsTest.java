package io.checkin.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.checkin.venue.VenueState;
import io.checkin.venue.VenueStatus;

/**
 * A pod's first scans are first scans at many venues at once, each loading its venue's state from the store. A slow
 * read of one venue must hold up only the scans at that venue. The venues picked here share a lock with the slow one
 * in the hash table an empty cache had (32 bins), and not in the one it has now (a full cache's, for the default
 * checkin.codes.verified-cache-size), so each asserts what the table's size is for.
 */
class FirstScanLoadsTest {

    private static final long DEFAULT_SIZE = 25_000;
    private static final String SLOW = "vslowvenue0001";
    private static final VenueState ACTIVE = new VenueState(VenueStatus.ACTIVE, 1);

    @Test
    void aSlowStoreReadForOneVenueHoldsUpNoFirstScanAtAnother() throws Exception {
        CountDownLatch slowReadStarted = new CountDownLatch(1);
        CountDownLatch storeAnswers = new CountDownLatch(1);
        VenueStatusCache cache = new VenueStatusCache(id -> {
            if (id.equals(SLOW)) {
                slowReadStarted.countDown();
                await(storeAnswers);
            }
            return Optional.of(ACTIVE);
        }, DEFAULT_SIZE, Duration.ofSeconds(10));
        List<String> others = sharingABinOfAnEmptyTableWith(SLOW, 8);
        ExecutorService scans = Executors.newFixedThreadPool(others.size() + 1);
        try {
            Future<Optional<VenueState>> slow = scans.submit(() -> cache.state(SLOW, 1));
            assertTrue(slowReadStarted.await(5, TimeUnit.SECONDS));
            List<Future<Optional<VenueState>>> firstScans = new ArrayList<>();
            for (String venue : others) {
                firstScans.add(scans.submit(() -> cache.state(venue, 1)));
            }
            for (Future<Optional<VenueState>> firstScan : firstScans) {
                assertEquals(Optional.of(ACTIVE), firstScan.get(5, TimeUnit.SECONDS),
                        "a first scan at another venue waited for the slow read");
            }
            storeAnswers.countDown();
            assertEquals(Optional.of(ACTIVE), slow.get(5, TimeUnit.SECONDS));
        } finally {
            storeAnswers.countDown();
            scans.shutdownNow();
        }
    }

    @Test
    void scansAtTheSameNewVenueShareItsOneStoreRead() throws Exception {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        VenueStatusCache cache = new VenueStatusCache(id -> {
            reads.incrementAndGet();
            await(storeAnswers);
            return Optional.of(ACTIVE);
        }, DEFAULT_SIZE, Duration.ofSeconds(10));
        ExecutorService scans = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<VenueState>>> atOnce = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                atOnce.add(scans.submit(() -> cache.state(SLOW, 1)));
            }
            Thread.sleep(200);
            storeAnswers.countDown();
            for (Future<Optional<VenueState>> scan : atOnce) {
                assertEquals(Optional.of(ACTIVE), scan.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, reads.get());
        } finally {
            storeAnswers.countDown();
            scans.shutdownNow();
        }
    }

    /**
     * Venue ids whose entries fall in the same bin as {@code venue}'s in a ConcurrentHashMap table of 32 bins (an
     * empty Caffeine cache's) but not in one sized for {@link #DEFAULT_SIZE} entries.
     */
    private static List<String> sharingABinOfAnEmptyTableWith(String venue, int count) {
        int fullTable = Integer.highestOneBit((int) (DEFAULT_SIZE + DEFAULT_SIZE / 2 + 1) - 1) << 1;
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            String id = String.format("vothervenue%04d", i);
            if (bin(id, 32) == bin(venue, 32) && bin(id, fullTable) != bin(venue, fullTable)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** ConcurrentHashMap's bin of a key in a table of {@code bins}. */
    private static int bin(String key, int bins) {
        int h = key.hashCode();
        return ((h ^ (h >>> 16)) & 0x7fffffff) & (bins - 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
