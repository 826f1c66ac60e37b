package io.checkin.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import io.checkin.auth.Caller;
import io.checkin.batch.GroupCommitter;
import io.checkin.batch.ItemOutcome;
import io.checkin.code.CodeChecker;
import io.checkin.code.CodeRejectedException;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.error.Fields;
import io.checkin.error.ProblemException;
import io.checkin.error.RetryAfter;
import io.checkin.lifecycle.ShutdownGate;
import io.checkin.limit.KeyedRateLimiter;
import io.checkin.store.ScanClock;
import io.checkin.store.ScanDocument;
import io.checkin.store.StoreCollections;
import io.checkin.store.StoreConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Records scans: checks the code (from cache, no read in the common case), then inserts one event. With
 * group commit on, the insert joins the next batch; the request completes when its own event's outcome is
 * known. Retries are safe: the event id derives from the subject and the phone's scan id.
 */
@ApplicationScoped
public class ScanService {

    @Inject
    CodeChecker codes;

    @Inject
    ScanWriter writer;

    @Inject
    ScanConfig config;

    @Inject
    ScanClock clientTimes;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    StoreConfig storeConfig;

    @Inject
    StoreCollections collections;

    /**
     * Heap per scan waiting in the write queue at most, measured (ScanMemoryTest): the document with the longest
     * subject a token may carry, its queue slot and the future its request waits on.
     */
    public static final int BYTES_PER_QUEUED_SCAN = 1500;

    /** People's scans: the published code keys, the venues' states, the scans collection. */
    private ScanLane lane;

    /** The running warm-up's, or null (io.checkin.scan.ScanPreheat). */
    private volatile ScanLane warmup;

    private Counter limited;

    @PostConstruct
    void start() {
        limited = Counter.builder("checkin.scan.rate.limited")
                .description("Scans refused because the person had used up their scans per minute").register(metrics);
        DistributionSummary sizes = DistributionSummary.builder("checkin.scan.batch.size")
                .description("Scans written per insertMany").register(metrics);
        lane = lane("scans", codes, collections.scans(), config.rateLimit().perMinute(), sizes::record);
        if (lane.committer() != null) {
            Gauge.builder("checkin.scan.queue.size", lane.committer(), GroupCommitter::queued)
                    .description("Scans waiting to be written").register(metrics);
            Gauge.builder("checkin.scan.queue.capacity", config.groupCommit(), ScanConfig.GroupCommit::queueCapacity)
                    .description("Scans that may wait to be written before new ones are refused").register(metrics);
        }
    }

    /**
     * A lane with its own code checks, limit and writer threads, into {@code scans}: built of the same classes for
     * people and for the warm-up, so that what the warm-up compiles is what people's scans run.
     */
    private ScanLane lane(String name, CodeChecker checker, MongoCollection<Document> scans, int perMinute,
            java.util.function.IntConsumer batchSizes) {
        KeyedRateLimiter perPerson = perMinute <= 0 ? null
                : new KeyedRateLimiter(perMinute, Duration.ofMinutes(1), config.rateLimit().trackedPeople(), System::nanoTime);
        ScanConfig.GroupCommit group = config.groupCommit();
        GroupCommitter<Document> committer = !group.enabled() ? null
                : new GroupCommitter<>(name, batch -> writer.insertAll(scans, batch), group.maxBatch(), group.maxWait(),
                        group.writers(), group.queueCapacity(), batchSizes);
        return new ScanLane(checker, perPerson, committer, scans);
    }

    /**
     * Opens the warm-up's lane: its codes checked by {@code checker}, its scans written into {@code scratch}, and its
     * throwaway people limited as people are (with room for the warm-up's many scans each), counted apart from them.
     */
    public void openWarmup(CodeChecker checker, MongoCollection<Document> scratch) {
        warmup = lane("warmup-scans", checker, scratch, config.rateLimit().perMinute() <= 0 ? 0 : Integer.MAX_VALUE / 2,
                null);
    }

    /** Closes the warm-up's lane once its scans are written. */
    public void closeWarmup() {
        ScanLane closing = warmup;
        warmup = null;
        if (closing != null && closing.committer() != null) {
            closing.committer().drain(config.groupCommit().drainTimeout());
        }
    }

    @PreDestroy
    void stop() {
        closeWarmup();
        if (lane.committer() != null) {
            lane.committer().drain(config.groupCommit().drainTimeout());
        }
    }

    /** How many people the scan limit counts now. */
    public long peopleCounted() {
        return lane.perPerson() == null ? 0 : lane.perPerson().tracked();
    }

    /** The warm-up's lane for the warm-up's throwaway people while it runs; people's lane for everyone else. */
    private ScanLane laneOf(Caller caller) {
        return caller.lane(warmup, lane);
    }

    public Uni<ScanReceipt> record(Caller caller, ScanRequest request, Direction direction) {
        ScanLane lane = laneOf(caller);
        String userSub = caller.subject();
        Fields.required(request, "body");
        String code = Fields.text(request.code(), "code", 4096);
        String scanId = ScanIds.canonical(request.scanId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        checkClientAt(request.clientAt(), now);
        VenueCode venue = lane.codes().genuine(code, direction);
        String id = ScanIds.of(userSub, scanId);
        try {
            lane.codes().requireCurrent(venue);
        } catch (CodeRejectedException stale) {
            return refusedUnlessStored(lane, id, scanId, venue, () -> stale);
        }
        Duration wait = takePermit(lane, userSub);
        if (!wait.isZero()) {
            return refusedUnlessStored(lane, id, scanId, venue, () -> {
                limited.increment();
                return new ProblemException(429, "too-many-scans", "More than " + config.rateLimit().perMinute()
                        + " scans in a minute from one person; retry later", null, RetryAfter.seconds(wait));
            });
        }

        Document event = event(id, userSub, venue, now, request.clientAt());
        CompletableFuture<ItemOutcome> written = insert(lane, event)
                .thenApply(outcome -> givePermitBackUnless(lane, outcome, userSub));
        // composed on the future, not with Mutiny's operators: the scan's own path then sets no Vert.x timer (set and
        // cancelled from threads other than the event loop's, each a task handed to an event loop) and captures no
        // context
        CompletionStage<ScanReceipt> receipt = within(written, config.requestTimeout())
                .thenCompose(outcome -> receipt(lane, outcome, event, scanId, venue, now));
        return Uni.createFrom().completionStage(receipt);
    }

    /** The outcome a scan is answered with when its write took longer than the request timeout. */
    static final ItemOutcome TIMED_OUT = new ItemOutcome.Failed(
            new TimeoutException("The write took longer than checkin.scan.request-timeout"));

    /**
     * What a scan is answered with: its write's outcome, or {@link #TIMED_OUT} once {@code timeout} has passed
     * without one. The write itself goes on, and its own outcome still completes {@code written} (and so gives the
     * person's permit back if it failed).
     */
    static CompletableFuture<ItemOutcome> within(CompletableFuture<ItemOutcome> written, Duration timeout) {
        return written.copy().completeOnTimeout(TIMED_OUT, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The document a scan is stored as; what waits in the write queue. */
    static Document event(String id, String userSub, VenueCode venue, Instant now, Instant clientAt) {
        Document event = new Document("_id", id).append(ScanDocument.PERSON, userSub)
                .append(ScanDocument.VENUE, venue.venueId()).append(ScanDocument.DIRECTION, venue.direction().name())
                .append(ScanDocument.STORED_AT, Date.from(now)).append(ScanDocument.CODE_VERSION, venue.codeVersion());
        if (clientAt != null) {
            event.append(ScanDocument.MADE_AT, Date.from(clientAt));
        }
        return event;
    }

    /**
     * Only scans that are recorded count: a valid code is checked first, and a duplicate is not a new scan.
     * Returns zero, or how long until the person may scan again.
     */
    private static Duration takePermit(ScanLane lane, String userSub) {
        return lane.perPerson() == null ? Duration.ZERO : lane.perPerson().tryAcquire(userSub);
    }

    /**
     * A scan that would be refused (its venue re-issued its codes or was suspended since, or the person is at the
     * limit) may be the retry of a scan that was stored and whose answer was lost: that retry is answered as the
     * duplicate it is, with the original time. The store is asked only on these refusal paths, so a scan that is
     * accepted reads nothing.
     */
    private Uni<ScanReceipt> refusedUnlessStored(ScanLane lane, String id, String scanId, VenueCode venue,
            Supplier<ProblemException> refusal) {
        return Uni.createFrom().item(() -> writer.find(lane.scans(), id).map(first -> duplicateOf(first, scanId, venue))
                .orElseThrow(refusal))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static ItemOutcome givePermitBackUnless(ScanLane lane, ItemOutcome outcome, String userSub) {
        if (lane.perPerson() != null && !(outcome instanceof ItemOutcome.Written)) {
            lane.perPerson().release(userSub);
        }
        return outcome;
    }

    private CompletableFuture<ItemOutcome> insert(ScanLane lane, Document event) {
        if (lane.committer() != null) {
            return lane.committer().submit(event);
        }
        try {
            return CompletableFuture.completedFuture(writer.insert(lane.scans(), event));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new ItemOutcome.Failed(e));
        }
    }

    private CompletionStage<ScanReceipt> receipt(ScanLane lane, ItemOutcome outcome, Document event, String scanId,
            VenueCode venue, Instant now) {
        if (outcome instanceof ItemOutcome.Written) {
            return CompletableFuture.completedFuture(new ScanReceipt(ScanReceipt.RECORDED, scanId, venue.venueId(),
                    venue.venueName(), venue.direction(), now));
        }
        if (outcome instanceof ItemOutcome.Failed failed) {
            if (failed.cause() instanceof GroupCommitter.QueueFullException) {
                return CompletableFuture.failedFuture(new ProblemException(503, "overloaded",
                        "Too many scans at once, retry shortly", null, 1));
            }
            if (failed.cause() instanceof GroupCommitter.ClosedException) {
                return CompletableFuture.failedFuture(ShutdownGate.refusal());
            }
            return CompletableFuture.failedFuture(storeUnavailable(failed.cause()));
        }
        // a duplicate: read the first record, off the writer thread that completed the insert
        return CompletableFuture.supplyAsync(() -> duplicateOf(writer.find(lane.scans(), event.getString("_id"))
                .orElseThrow(() -> storeUnavailable(null)), scanId, venue), Infrastructure.getDefaultWorkerPool());
    }

    /** The answer to a scan whose id is stored already: the first scan's time, if it is the same scan. */
    private ScanReceipt duplicateOf(Document first, String scanId, VenueCode venue) {
        if (!venue.venueId().equals(first.getString(ScanDocument.VENUE))
                || !venue.direction().name().equals(first.getString(ScanDocument.DIRECTION))) {
            throw ProblemException.conflict("scan-id-reused", "scanId",
                    "This scanId was already used for another scan; generate a new one for each scan");
        }
        return new ScanReceipt(ScanReceipt.DUPLICATE, scanId, venue.venueId(), venue.venueName(), venue.direction(),
                first.getDate(ScanDocument.STORED_AT).toInstant());
    }

    private void checkClientAt(Instant clientAt, Instant now) {
        if (clientAt == null) {
            return;
        }
        if (clientAt.isBefore(now.minus(clientTimes.clientAtMaxAge()))) {
            throw ProblemException.badRequest("client-at-too-old", "clientAt",
                    "clientAt is older than " + clientTimes.clientAtMaxAge().toHours() + " hours");
        }
        if (clientAt.isAfter(now.plus(clientTimes.clockSkew()))) {
            throw ProblemException.badRequest("client-at-in-future", "clientAt", "clientAt is in the future");
        }
    }

    private ProblemException storeUnavailable(Throwable cause) {
        ProblemException e = ProblemException.unavailable("store-unavailable",
                "The scan could not be stored yet; retry with the same scanId",
                storeConfig.retryAfterSeconds());
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
