package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Inject;

import org.bson.Document;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import io.checkin.scan.ScanIds;
import io.checkin.store.StoreCollections;
import io.checkin.testing.InjectStoreFaults;
import io.checkin.testing.Poll;
import io.checkin.testing.RetryingScanClient;
import io.checkin.testing.RetryingScanClient.Scan;
import io.checkin.testing.StoreFaults;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestVenues;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The store fails while a crowd keeps scanning and retrying: once it is back, every scan is acknowledged and
 * stored exactly once, whether the store refused connections or accepted them and never answered.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class ScanFaultInjectionTest {

    private static final Logger LOG = Logger.getLogger(ScanFaultInjectionTest.class);

    private static final int THREADS = 12;
    private static final int SUBJECTS = 24;
    // Below the per-citizen limit of recorded scans per minute, so no answer is a rate limit.
    private static final int SCANS_PER_SUBJECT = 8;
    private static final int ACKS_BEFORE_FAULT = 40;
    private static final Duration FAULT_AT_LEAST = Duration.ofSeconds(2);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(30);

    @InjectStoreFaults
    StoreFaults faults;

    @Inject
    TestVenues testVenues;

    @Inject
    StoreCollections collections;

    private RetryingScanClient client;

    @AfterEach
    void storeBackAndClientStopped() {
        if (client != null) {
            client.close();
        }
        faults.upAndAnswering(collections);
    }

    @Test
    void aStoreThatRefusesConnectionsLosesAndDoublesNothing() {
        crowdScansThrough(faults::down, "down");
    }

    @Test
    void aStoreThatHangsLosesAndDoublesNothing() {
        crowdScansThrough(faults::hang, "hanging");
    }

    @Test
    void aStoreWhoseAnswersAreLostLosesAndDoublesNothing() {
        crowdScansThrough(faults::loseReplies, "mute");
        assertTrue(client.duplicates() > 0, "a write that landed without its answer came back as a duplicate on retry: "
                + client.summary());
    }

    private void crowdScansThrough(Runnable fault, String name) {
        faults.assumeControllable();
        TestVenues.Created venue = testVenues.create("Fault hall " + name);
        List<String> subjects = new ArrayList<>();
        Queue<Scan> scans = new ConcurrentLinkedQueue<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int s = 0; s < SUBJECTS; s++) {
            subjects.add("crowd-" + name + "-" + run + "-" + s);
        }
        // interleaved, so every subject is scanning while the fault happens
        for (int i = 0; i < SCANS_PER_SUBJECT; i++) {
            for (String subject : subjects) {
                scans.add(new Scan(subject, UUID.randomUUID().toString()));
            }
        }
        List<Scan> all = List.copyOf(scans);
        client = new RetryingScanClient(URI.create("http://localhost:" + RestAssured.port), "scan-in", venue.entry(),
                THREADS, Duration.ofSeconds(10));
        client.start(scans::poll);

        assertTrue(client.awaitAcknowledged(ACKS_BEFORE_FAULT, Duration.ofSeconds(30)),
                "no load before the fault: " + client.summary());
        long faultStart = System.nanoTime();
        fault.run();
        int acksAtFault = client.acknowledged().size();
        // the fault lasts until the clients have felt it (every thread failed a few times) and at least a while
        assertTrue(client.awaitFailedAttempts(3 * THREADS, Duration.ofSeconds(20)),
                "the fault was not noticed: " + client.summary());
        Poll.until(() -> System.nanoTime() - faultStart >= FAULT_AT_LEAST.toNanos(), FAULT_AT_LEAST);
        int acksDuringFault = client.acknowledged().size() - acksAtFault;
        faults.up();
        long upAt = System.nanoTime();
        int acksAtUp = client.acknowledged().size();
        boolean recovered = client.awaitAcknowledged(acksAtUp + 1, RECOVERY_DEADLINE);
        Duration firstAckAfterUp = Duration.ofNanos(System.nanoTime() - upAt);
        assertTrue(recovered, "nothing acknowledged after the store came back: " + client.summary());
        assertTrue(client.awaitFinished(RECOVERY_DEADLINE), "scans still unacknowledged: " + client.summary());
        Duration allAcked = Duration.ofNanos(System.nanoTime() - upAt);

        String seen = client.summary() + "; fault lasted " + Duration.ofNanos(upAt - faultStart).toMillis()
                + " ms, acknowledged during it " + acksDuringFault + ", first ack after " + firstAckAfterUp.toMillis()
                + " ms, all acknowledged after " + allAcked.toMillis() + " ms";
        LOG.infof("store %s: %s", name, seen);
        assertEquals(all.size(), client.acknowledged().size(), "every scan acknowledged: " + seen);
        assertEquals(0, client.otherStatuses(), "only 503 or 429 while the store failed: " + seen);
        for (Scan scan : client.acknowledged()) {
            assertEquals(1, collections.scans().countDocuments(
                    new Document("_id", ScanIds.of(scan.subject(), scan.scanId()))), "stored once: " + scan + "; " + seen);
        }
        assertEquals(all.size(), collections.scans().countDocuments(Filters.in("userSub", subjects)),
                "nothing stored beyond the acknowledged scans: " + seen);
    }
}
