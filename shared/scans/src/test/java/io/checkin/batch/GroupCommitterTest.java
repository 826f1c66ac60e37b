package io.checkin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

    /** A writer that records every batch and can be held back, to let items pile up behind a write. */
    static final class FakeWriter implements BatchWriter<String> {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.Semaphore entered = new java.util.concurrent.Semaphore(0);
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile RuntimeException failure;

        /** Waits until a writer thread is inside write(), holding its batch: no sleeping on a timing guess. */
        void awaitWriting() throws InterruptedException {
            assertTrue(entered.tryAcquire(5, TimeUnit.SECONDS), "no write started");
        }

        @Override
        public Map<Integer, ItemOutcome> write(List<String> batch) throws Exception {
            entered.release();
            gate.await(5, TimeUnit.SECONDS);
            batches.add(List.copyOf(batch));
            if (failure != null && batch.contains("poison")) {
                throw failure;
            }
            Map<Integer, ItemOutcome> outcomes = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).startsWith("dup")) {
                    outcomes.put(i, ItemOutcome.DUPLICATE);
                }
            }
            return outcomes;
        }
    }

    private final FakeWriter writer = new FakeWriter();
    private GroupCommitter<String> committer;

    @AfterEach
    void close() {
        if (committer != null) {
            committer.close();
        }
    }

    private GroupCommitter<String> committer(int maxBatch, Duration maxWait, int writers) {
        committer = new GroupCommitter<>("test", writer, maxBatch, maxWait, writers, 1000, null);
        return committer;
    }

    @Test
    void anIdleCommitterWritesALoneItemAtOnce() throws Exception {
        committer(100, Duration.ofSeconds(10), 1);
        long start = System.nanoTime();
        assertSame(ItemOutcome.WRITTEN, committer.submit("a").get(2, TimeUnit.SECONDS));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000, "no waiting for company when idle");
        assertEquals(List.of(List.of("a")), writer.batches);
    }

    @Test
    void itemsArrivingDuringAWriteGoOutTogetherUpToTheBatchSize() throws Exception {
        committer(3, Duration.ZERO, 1);
        writer.gate = new CountDownLatch(1);
        CompletableFuture<ItemOutcome> first = committer.submit("first");
        writer.awaitWriting(); // the writer holds "first" and waits at the gate
        List<CompletableFuture<ItemOutcome>> rest = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rest.add(committer.submit("item" + i));
        }
        writer.gate.countDown();
        first.get(2, TimeUnit.SECONDS);
        for (CompletableFuture<ItemOutcome> f : rest) {
            assertSame(ItemOutcome.WRITTEN, f.get(2, TimeUnit.SECONDS));
        }
        assertEquals(List.of(List.of("first"), List.of("item0", "item1", "item2"), List.of("item3", "item4", "item5"),
                List.of("item6")), writer.batches);
    }

    @Test
    void whileAnotherBatchIsInFlightAWriterWaitsUpToMaxWaitForMore() throws Exception {
        committer(2, Duration.ofSeconds(3), 2);
        writer.gate = new CountDownLatch(1);
        committer.submit("held");
        writer.awaitWriting(); // writer 1 is in flight, blocked at the gate
        CompletableFuture<ItemOutcome> a = committer.submit("a");
        Thread.sleep(100); // writer 2 has taken "a" and, the store being busy, waits for more
        CompletableFuture<ItemOutcome> b = committer.submit("b"); // joins "a", filling the batch of 2
        writer.awaitWriting(); // writer 2 writes its batch; only now let writer 1 go, so it cannot take "b"
        writer.gate.countDown();
        a.get(2, TimeUnit.SECONDS);
        b.get(2, TimeUnit.SECONDS);
        assertTrue(writer.batches.contains(List.of("a", "b")), writer.batches.toString());
    }

    @Test
    void itemsThatArrivedFasterThanAWriteGatherMoreForUpToMaxWaitEvenWithOneWriter() throws Exception {
        committer(3, Duration.ofSeconds(3), 1);
        writer.gate = new CountDownLatch(1);
        committer.submit("held");
        writer.awaitWriting(); // the only writer is in flight
        CompletableFuture<ItemOutcome> a = committer.submit("a");
        CompletableFuture<ItemOutcome> b = committer.submit("b"); // two waiting: they arrive faster than it writes
        writer.gate.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (committer.queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1); // until the writer has taken "a" and "b"
        }
        assertEquals(0, committer.queued());
        CompletableFuture<ItemOutcome> c = committer.submit("c"); // after they were taken: joins them, filling the batch
        for (CompletableFuture<ItemOutcome> f : List.of(a, b, c)) {
            assertSame(ItemOutcome.WRITTEN, f.get(2, TimeUnit.SECONDS));
        }
        assertEquals(List.of(List.of("held"), List.of("a", "b", "c")), writer.batches);
    }

    @Test
    void eachItemGetsItsOwnOutcome() throws Exception {
        committer(10, Duration.ZERO, 1);
        writer.gate = new CountDownLatch(1);
        committer.submit("warm");
        writer.awaitWriting();
        CompletableFuture<ItemOutcome> x = committer.submit("x");
        CompletableFuture<ItemOutcome> dup = committer.submit("dup-1");
        CompletableFuture<ItemOutcome> y = committer.submit("y");
        writer.gate.countDown();
        assertSame(ItemOutcome.WRITTEN, x.get(2, TimeUnit.SECONDS));
        assertSame(ItemOutcome.DUPLICATE, dup.get(2, TimeUnit.SECONDS));
        assertSame(ItemOutcome.WRITTEN, y.get(2, TimeUnit.SECONDS));
        assertTrue(writer.batches.contains(List.of("x", "dup-1", "y")), writer.batches.toString());
    }

    @Test
    void aFailedBatchFailsExactlyItsOwnItems() throws Exception {
        committer(2, Duration.ZERO, 1);
        writer.failure = new IllegalStateException("store down");
        writer.gate = new CountDownLatch(1);
        CompletableFuture<ItemOutcome> alone = committer.submit("alone");
        writer.awaitWriting();
        CompletableFuture<ItemOutcome> poison = committer.submit("poison");
        CompletableFuture<ItemOutcome> sameBatch = committer.submit("neighbour");
        CompletableFuture<ItemOutcome> nextBatch = committer.submit("later");
        writer.gate.countDown();
        assertSame(ItemOutcome.WRITTEN, alone.get(2, TimeUnit.SECONDS));
        assertSame(writer.failure, assertInstanceOf(ItemOutcome.Failed.class, poison.get(2, TimeUnit.SECONDS)).cause());
        assertInstanceOf(ItemOutcome.Failed.class, sameBatch.get(2, TimeUnit.SECONDS));
        assertSame(ItemOutcome.WRITTEN, nextBatch.get(2, TimeUnit.SECONDS));
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        committer = new GroupCommitter<>("test", writer, 1, Duration.ZERO, 1, 2, null);
        writer.gate = new CountDownLatch(1);
        committer.submit("in-flight");
        writer.awaitWriting();
        committer.submit("queued-1");
        committer.submit("queued-2");
        ItemOutcome refused = committer.submit("one-too-many").getNow(null);
        assertInstanceOf(GroupCommitter.QueueFullException.class, assertInstanceOf(ItemOutcome.Failed.class, refused).cause());
        writer.gate.countDown();
    }

    @Test
    void drainWritesEverythingAlreadyQueued() throws Exception {
        committer(5, Duration.ZERO, 1);
        writer.gate = new CountDownLatch(1);
        List<CompletableFuture<ItemOutcome>> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(committer.submit("q" + i));
        }
        new Thread(() -> {
            sleep(100);
            writer.gate.countDown();
        }).start();
        committer.drain(Duration.ofSeconds(5));
        for (CompletableFuture<ItemOutcome> f : all) {
            assertSame(ItemOutcome.WRITTEN, f.getNow(null));
        }
        ItemOutcome after = committer.submit("after").getNow(null);
        assertInstanceOf(GroupCommitter.ClosedException.class, assertInstanceOf(ItemOutcome.Failed.class, after).cause());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
