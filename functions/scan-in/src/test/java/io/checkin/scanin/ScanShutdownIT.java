package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.dev.DevKeys;
import io.checkin.dev.EmbeddedMongo;
import io.checkin.scan.ScanIds;
import io.checkin.signing.CodeSigner;
import io.checkin.store.StoreCollections;
import io.checkin.testing.FunctionProcess;
import io.checkin.testing.RetryingScanClient.Scan;
import io.checkin.testing.RetryingScanClient;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueIds;
import io.checkin.venue.VenueStatus;

/**
 * SIGTERM reaches the packaged scan-in function while a crowd is scanning: it stops within the drain timeout,
 * every scan it acknowledged is stored exactly once, and it stored nothing whose answer it then failed to
 * deliver (a request it had accepted and cut off).
 */
class ScanShutdownIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int THREADS = 16;
    private static final int SCANS_PER_SUBJECT = 5;
    private static final int ACKS_BEFORE_SIGTERM = 300;
    // checkin.scan.group-commit.drain-timeout: in-flight requests answer within the 3 s request timeout, and the
    // queue is empty by then, so a stop that takes longer is waiting on something it should not
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path work;

    private Map<String, String> keys;
    private EmbeddedMongo store;
    private MongoClient storeClient;
    private FunctionProcess function;
    private RetryingScanClient crowd;

    @BeforeEach
    void storeAndFunction() throws Exception {
        Assumptions.assumeTrue(Files.exists(JAR), "needs the packaged JVM application (not built by -Dnative)");
        keys = DevKeys.ensure(work.resolve("keys"));
        Map<String, String> config = new HashMap<>(keys);
        // the test's own tokens are signed with the generated key (io.checkin.testing.Tokens)
        System.setProperty("smallrye.jwt.sign.key.location", config.get("smallrye.jwt.sign.key.location"));
        store = EmbeddedMongo.inMemory(0);
        storeClient = MongoClients.create(store.connectionString());
        config.put("quarkus.mongodb.connection-string", store.connectionString());
        config.put("checkin.codes.public-base-url", "https://checkin.test");
        function = FunctionProcess.start(JAR, config, work, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopEverything() {
        if (crowd != null) {
            crowd.close();
        }
        if (function != null) {
            function.close();
        }
        if (storeClient != null) {
            storeClient.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void sigtermDuringLoadLosesNoAcknowledgedScanAndCutsOffNoAcceptedOne() throws Exception {
        String code = entryCode(Files.readString(Path.of(keys.get("checkin.codes.signing-key-location"))));
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger next = new AtomicInteger();
        crowd = new RetryingScanClient(function.baseUri(), "scan-in", code, THREADS, Duration.ofSeconds(10));
        // few scans per subject: a per-citizen rate limit must not shape the load
        crowd.start(() -> {
            int n = next.getAndIncrement();
            return new Scan("crowd-" + run + "-" + n / SCANS_PER_SUBJECT, UUID.randomUUID().toString());
        });
        assertTrue(crowd.awaitAcknowledged(ACKS_BEFORE_SIGTERM, Duration.ofSeconds(60)),
                "no load before SIGTERM: " + crowd.summary());

        int acksAtSigterm = crowd.acknowledged().size();
        Instant sigterm = Instant.now();
        function.terminate();
        boolean exited = function.awaitExit(EXIT_WITHIN);
        Duration shutdown = Duration.between(sigterm, Instant.now());
        crowd.stop();
        assertTrue(crowd.awaitFinished(Duration.ofSeconds(20)), "the crowd did not stop: " + crowd.summary());

        Set<Scan> acknowledged = crowd.acknowledged();
        MongoCollection<Document> scans = storeClient.getDatabase("checkin").getCollection(StoreCollections.SCANS);
        List<String> ids = acknowledged.stream().map(s -> ScanIds.of(s.subject(), s.scanId())).toList();
        long storedAcknowledged = scans.countDocuments(Filters.in("_id", ids));
        long storedForRun = scans.countDocuments(Filters.regex("userSub", "^crowd-" + run + "-"));
        String log = function.log();
        String seen = crowd.summary() + "; acknowledged before SIGTERM " + acksAtSigterm + ", after "
                + (acknowledged.size() - acksAtSigterm) + "; stored " + storedForRun + "; exit "
                + (exited ? function.exitValue() + " after " + shutdown.toMillis() + " ms" : "none within " + EXIT_WITHIN);
        System.out.println("scan-in under SIGTERM: " + seen);

        assertTrue(exited, "still running " + EXIT_WITHIN + " after SIGTERM: " + seen + "\n" + log);
        assertEquals(ids.size(), storedAcknowledged, "every acknowledged scan stored: " + seen);
        for (String id : ids) {
            assertEquals(1, scans.countDocuments(new Document("_id", id)), "stored once: " + id);
        }
        assertEquals(acknowledged.size(), storedForRun, "stored but never acknowledged (cut off): " + seen);
        assertEquals(0, crowd.otherStatuses(), "refused only with 503: " + seen);
        assertFalse(log.contains("queued items were not written"), log);
        assertFalse(withoutAcceptorRace(log).contains("Exception"), log);
    }

    /**
     * The log without Netty's warnings about a connection accepted in the last instant of the server's close
     * ("Failed to register an accepted channel", each with its stack trace): the client is still connecting
     * by design, the connection is dropped unanswered, and nothing of the function's runs for it.
     */
    private static String withoutAcceptorRace(String log) {
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : log.split("\n", -1)) {
            if (line.contains("[io.ne.bo.ServerBootstrap] Failed to register an accepted channel")) {
                skipping = true;
            } else if (!skipping || !(line.startsWith("\t") || line.isBlank())) {
                skipping = false;
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** A venue in the store and its entry code, signed with the key the function verifies against. */
    private String entryCode(String signingJwk) {
        Instant now = Instant.now();
        Venue venue = new Venue(VenueIds.next(), "Shutdown hall", "1 Test Street", "test", null, "test-owner", 1,
                VenueStatus.ACTIVE, now, now);
        storeClient.getDatabase("checkin").getCollection(StoreCollections.VENUES).insertOne(venue.toDocument());
        return CodeSigner.fromJwk(signingJwk).sign(new VenueCode(venue.id(), Direction.IN, 1, venue.name()));
    }
}
