package io.checkin.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;

import io.checkin.batch.GroupCommitter;
import io.checkin.batch.ItemOutcome;
import io.checkin.code.CodeChecker;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.error.Fields;
import io.checkin.error.ProblemException;
import io.checkin.store.StoreConfig;
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
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    StoreConfig storeConfig;

    private GroupCommitter<Document> committer;

    @PostConstruct
    void start() {
        ScanConfig.GroupCommit group = config.groupCommit();
        if (group.enabled()) {
            DistributionSummary sizes = DistributionSummary.builder("checkin.scan.batch.size")
                    .description("Scans written per insertMany").register(metrics);
            committer = new GroupCommitter<>("scans", writer::insertAll, group.maxBatch(), group.maxWait(),
                    group.writers(), group.queueCapacity(), sizes::record);
            Gauge.builder("checkin.scan.queue.size", committer, GroupCommitter::queued)
                    .description("Scans waiting to be written").register(metrics);
        }
    }

    @PreDestroy
    void stop() {
        if (committer != null) {
            committer.drain(config.groupCommit().drainTimeout());
        }
    }

    public Uni<ScanReceipt> record(String userSub, ScanRequest request, Direction direction) {
        Fields.required(request, "body");
        String code = Fields.text(request.code(), "code", 4096);
        String scanId = ScanIds.canonical(request.scanId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        checkClientAt(request.clientAt(), now);
        VenueCode venue = codes.check(code, direction);

        Document event = new Document("_id", ScanIds.of(userSub, scanId)).append("userSub", userSub)
                .append("venueId", venue.venueId()).append("direction", direction.name()).append("at", Date.from(now))
                .append("codeVersion", venue.codeVersion());
        if (request.clientAt() != null) {
            event.append("clientAt", Date.from(request.clientAt()));
        }
        return Uni.createFrom().completionStage(insert(event))
                .ifNoItem().after(config.requestTimeout()).failWith(() -> storeUnavailable(null))
                .onItem().transformToUni(outcome -> receipt(outcome, event, scanId, venue, now));
    }

    private CompletionStage<ItemOutcome> insert(Document event) {
        if (committer != null) {
            return committer.submit(event);
        }
        try {
            return CompletableFuture.completedFuture(writer.insert(event));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new ItemOutcome.Failed(e));
        }
    }

    private Uni<ScanReceipt> receipt(ItemOutcome outcome, Document event, String scanId, VenueCode venue, Instant now) {
        if (outcome instanceof ItemOutcome.Written) {
            return Uni.createFrom().item(new ScanReceipt(ScanReceipt.RECORDED, scanId, venue.venueId(),
                    venue.venueName(), venue.direction(), now));
        }
        if (outcome instanceof ItemOutcome.Failed failed) {
            if (failed.cause() instanceof GroupCommitter.QueueFullException) {
                return Uni.createFrom().failure(new ProblemException(503, "overloaded",
                        "Too many scans at once, retry shortly", null, 1));
            }
            return Uni.createFrom().failure(storeUnavailable(failed.cause()));
        }
        // a duplicate: read the first record, off the writer thread that completed the insert
        return Uni.createFrom().item(() -> duplicateOf(event, scanId, venue))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ScanReceipt duplicateOf(Document event, String scanId, VenueCode venue) {
        Document first = writer.find(event.getString("_id")).orElseThrow(() -> storeUnavailable(null));
        if (!venue.venueId().equals(first.getString("venueId"))
                || !venue.direction().name().equals(first.getString("direction"))) {
            throw new ProblemException(409, "scan-id-reused",
                    "This scanId was already used for another scan; generate a new one for each scan", "scanId", null);
        }
        return new ScanReceipt(ScanReceipt.DUPLICATE, scanId, venue.venueId(), venue.venueName(), venue.direction(),
                first.getDate("at").toInstant());
    }

    private void checkClientAt(Instant clientAt, Instant now) {
        if (clientAt == null) {
            return;
        }
        if (clientAt.isBefore(now.minus(config.clientAtMaxAge()))) {
            throw ProblemException.badRequest("client-at-too-old", "clientAt",
                    "clientAt is older than " + config.clientAtMaxAge().toHours() + " hours");
        }
        if (clientAt.isAfter(now.plus(config.clockSkew()))) {
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
