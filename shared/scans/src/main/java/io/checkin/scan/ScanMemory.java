package io.checkin.scan;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.checkin.code.CodeConfig;
import io.checkin.code.CodeVerifier;
import io.checkin.code.VenueStatusCache;
import io.checkin.limit.KeyedRateLimiter;
import io.checkin.memory.MemoryReservation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * What a scan function keeps in memory at most, each by the setting that bounds it, checked against the heap at
 * start (io.checkin.memory.MemoryBudget).
 */
@ApplicationScoped
public class ScanMemory {

    /** How full each is, as metrics: checkin.memory.entries{structure=...}; the write queue: checkin.scan.queue.size. */
    void onStart(@Observes StartupEvent event, MeterRegistry metrics, CodeVerifier verifier, VenueStatusCache venues,
            ScanService scans) {
        entries(metrics, "verified-codes", verifier, CodeVerifier::remembered);
        entries(metrics, "venue-states", venues, VenueStatusCache::size);
        entries(metrics, "people-counted", scans, ScanService::peopleCounted);
    }

    private static <T> void entries(MeterRegistry metrics, String structure, T source, ToDoubleFunction<T> size) {
        Gauge.builder("checkin.memory.entries", source, size).tag("structure", structure)
                .description("Entries held now by a bounded structure").register(metrics);
    }

    @Produces
    @Singleton
    MemoryReservation verifiedCodes(CodeConfig codes) {
        return new MemoryReservation("checkin.codes.verified-cache-size", "verified codes", codes.verifiedCacheSize(),
                CodeVerifier.BYTES_PER_ENTRY);
    }

    @Produces
    @Singleton
    MemoryReservation venueStates(CodeConfig codes) {
        return new MemoryReservation("checkin.codes.verified-cache-size", "venue states", codes.verifiedCacheSize(),
                VenueStatusCache.BYTES_PER_ENTRY);
    }

    @Produces
    @Singleton
    MemoryReservation countedPeople(ScanConfig scans) {
        return new MemoryReservation("checkin.scan.rate-limit.tracked-people", "people counted",
                scans.rateLimit().perMinute() > 0 ? scans.rateLimit().trackedPeople() : 0,
                KeyedRateLimiter.BYTES_PER_KEY);
    }

    @Produces
    @Singleton
    MemoryReservation queuedScans(ScanConfig scans) {
        ScanConfig.GroupCommit group = scans.groupCommit();
        if (!group.enabled()) {
            return new MemoryReservation("checkin.scan.group-commit.enabled", "scans queued (none: group commit off)", 0,
                    ScanService.BYTES_PER_QUEUED_SCAN);
        }
        return new MemoryReservation("checkin.scan.group-commit.queue-capacity",
                "scans waiting (" + group.queueCapacity() + ") or being written (" + group.writers()
                        + (group.writers() == 1 ? " writer x " : " writers x ")
                        + group.maxBatch() + ")",
                group.queueCapacity() + (long) group.writers() * group.maxBatch(), ScanService.BYTES_PER_QUEUED_SCAN);
    }
}
