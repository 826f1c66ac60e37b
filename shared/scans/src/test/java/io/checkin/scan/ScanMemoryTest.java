package io.checkin.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

import io.checkin.auth.Caller;
import io.checkin.batch.GroupCommitter;
import io.checkin.batch.ItemOutcome;
import io.checkin.code.CodeClaims;
import io.checkin.code.CodeConfig;
import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.code.VenueStatusCache;
import io.checkin.limit.KeyedRateLimiter;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueIds;
import io.checkin.venue.VenueStatus;
import io.checkin.venue.VenueStore;

/**
 * The bytes per entry that the start-up memory check counts (ScanMemory) are what each structure really takes, at
 * its worst: filled with many entries of the largest content a client or a venue can put there, the heap grows by
 * no more than the counted bytes per entry, and by more than half of them (so the count is not padded either).
 */
class ScanMemoryTest {

    /** The longest venue name, in a script that takes two bytes per character. */
    static final String LONGEST_NAME = "漢".repeat(120);
    /** The longest subject a token may carry, in a script that takes two bytes per character. */
    static final String LONGEST_SUBJECT = "人".repeat(Caller.MAX_SUBJECT - 6);

    static long usedAfterGc() throws InterruptedException {
        long used = 0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        return used;
    }

    /** Heap per entry of what {@code fill} adds and keeps reachable until measured. */
    static long bytesPerEntry(int entries, Filler fill) throws Exception {
        long before = usedAfterGc();
        Object kept = fill.fill(entries);
        long after = usedAfterGc();
        long perEntry = (after - before) / entries;
        assertTrue(kept != null);
        return perEntry;
    }

    interface Filler {
        Object fill(int entries) throws Exception;
    }

    static void counted(String what, long measured, long counted) {
        System.out.printf("%s: %d B measured, %d B counted%n", what, measured, counted);
        assertTrue(measured <= counted, what + " takes " + measured + " B per entry, more than the " + counted + " counted");
        assertTrue(measured * 2 > counted, what + " takes " + measured + " B per entry, far less than the " + counted + " counted");
    }

    @Test
    void aRememberedCodeTakesNoMoreThanCounted() throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId("k1");
        int entries = 2_000;
        List<String> tokens = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JsonUtil.toJson(Map.of(CodeClaims.VENUE, VenueIds.next(), CodeClaims.DIRECTION, "IN",
                    CodeClaims.VERSION, 1, CodeClaims.NAME, LONGEST_NAME)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setKeyIdHeaderValue("k1");
            jws.setKey(key.getPrivateKey());
            tokens.add(jws.getCompactSerialization());
        }
        // made once per process, whatever the entries: the P-256 curve and its generator's precomputed points
        new CodeVerifier(Map.of("k1", key.getPublicKey()), 1, Duration.ofHours(1)).verify(tokens.get(0));
        long measured = bytesPerEntry(entries, n -> {
            CodeVerifier verifier = new CodeVerifier(Map.of("k1", key.getPublicKey()), n, Duration.ofHours(1));
            tokens.forEach(verifier::verify);
            return verifier;
        });
        counted("a remembered code", measured, CodeVerifier.BYTES_PER_ENTRY);
    }

    @Test
    void aCachedVenueStateTakesNoMoreThanCounted() throws Exception {
        VenueStore store = new VenueStore() {
            @Override
            public Optional<Venue> find(String id) {
                return Optional.of(new Venue(id, LONGEST_NAME, "address", "region", 10, "owner", 7,
                        VenueStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH));
            }
        };
        int entries = 20_000;
        List<String> ids = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            ids.add(VenueIds.next());
        }
        long measured = bytesPerEntry(entries, n -> {
            VenueStatusCache cache = new VenueStatusCache(store, codeConfig(n));
            ids.forEach(id -> cache.state(id, 1));
            return cache;
        });
        counted("a cached venue state", measured, VenueStatusCache.BYTES_PER_ENTRY);
    }

    @Test
    void aCountedPersonTakesNoMoreThanCounted() throws Exception {
        AtomicLong clock = new AtomicLong();
        long measured = bytesPerEntry(20_000, n -> {
            KeyedRateLimiter limiter = new KeyedRateLimiter(20, Duration.ofMinutes(1), n, clock::get);
            for (int i = 0; i < n; i++) {
                limiter.tryAcquire(LONGEST_SUBJECT + String.format("%06d", i));
            }
            return limiter;
        });
        counted("a counted person", measured, KeyedRateLimiter.BYTES_PER_KEY);
    }

    @Test
    void aScanWaitingToBeWrittenTakesNoMoreThanCounted() throws Exception {
        CountDownLatch storeHangs = new CountDownLatch(1);
        List<GroupCommitter<Document>> committers = new ArrayList<>();
        try {
            int entries = 20_000;
            long measured = bytesPerEntry(entries, n -> {
                GroupCommitter<Document> committer = new GroupCommitter<>("memory", batch -> {
                    storeHangs.await();
                    return Map.of();
                }, 1, Duration.ZERO, 1, n + 1, size -> {
                });
                committers.add(committer);
                VenueCode venue = new VenueCode(VenueIds.next(), Direction.IN, 7, LONGEST_NAME);
                List<Object> waiting = new ArrayList<>(n);
                Instant now = Instant.now();
                for (int i = 0; i < n; i++) {
                    String subject = LONGEST_SUBJECT + String.format("%06d", i);
                    waiting.add(committer.submit(ScanService.event(ScanIds.of(subject, "x" + i), subject, venue, now, now)));
                }
                return List.of(committer, waiting);
            });
            counted("a scan waiting to be written", measured, ScanService.BYTES_PER_QUEUED_SCAN);
        } finally {
            storeHangs.countDown();
            committers.forEach(GroupCommitter::close);
        }
    }

    static CodeConfig codeConfig(long size) {
        return new CodeConfig() {
            @Override
            public Optional<String> publicBaseUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> signingKeyLocation() {
                return Optional.empty();
            }

            @Override
            public Optional<String> verificationKeysLocation() {
                return Optional.empty();
            }

            @Override
            public long verifiedCacheSize() {
                return size;
            }

            @Override
            public Duration verifiedCacheTtl() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration venueStatusTtl() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
