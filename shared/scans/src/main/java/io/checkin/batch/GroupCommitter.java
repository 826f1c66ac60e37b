package io.checkin.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.jboss.logging.Logger;

/**
 * Group commit: many requests' items written with one call. Items wait in a bounded queue; each writer
 * thread takes what is there and writes it as one batch. A writer that finds a lone item waiting and no
 * other batch in flight writes it at once, so a request to an idle process waits for nothing. When it finds
 * more than one item waiting (items arrive faster than one write takes) or another batch in flight, it
 * gathers more, for at most {@code maxWait}, up to {@code maxBatch} items: a busy process makes fewer,
 * larger writes, each costing it about what a write of one item costs. Every item's future completes with
 * its own outcome, so each request answers only for what happened to its own item.
 */
public final class GroupCommitter<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitter.class);

    private record Pending<T>(T item, CompletableFuture<ItemOutcome> outcome) {
    }

    private final BatchWriter<T> writer;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending<T>> queue;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final IntConsumer batchSizes;
    private volatile boolean closed;

    public GroupCommitter(String name, BatchWriter<T> writer, int maxBatch, Duration maxWait, int writers,
            int queueCapacity, IntConsumer batchSizes) {
        if (maxBatch < 1 || writers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("maxBatch, writers and queueCapacity must be positive");
        }
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSizes = batchSizes;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::run, name + "-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Queues an item. The future always completes normally, with the item's outcome: at once
     * {@link ItemOutcome.Failed} with {@link QueueFullException} when the queue is full, or with
     * {@link ClosedException} once the committer is draining.
     */
    public CompletableFuture<ItemOutcome> submit(T item) {
        CompletableFuture<ItemOutcome> outcome = new CompletableFuture<>();
        Pending<T> pending = new Pending<>(item, outcome);
        if (closed) {
            outcome.complete(new ItemOutcome.Failed(new ClosedException()));
        } else if (!queue.offer(pending)) {
            outcome.complete(new ItemOutcome.Failed(new QueueFullException()));
        } else if (closed && queue.remove(pending)) {
            // the drain began between the check and the offer and may have finished: nobody would write it
            outcome.complete(new ItemOutcome.Failed(new ClosedException()));
        }
        return outcome;
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (batch.size() < maxBatch && maxWaitNanos > 0 && busy(batch)) {
                    gather(batch);
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(batch, e);
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Whether more items are coming: more than one was waiting when the writer took {@code batch} (they arrived
     * faster than the last write took), or another writer's batch is in flight.
     */
    private boolean busy(List<Pending<T>> batch) {
        return batch.size() > 1 || inFlight.get() > 0;
    }

    /** More items are coming: wait a little for them, so fewer, larger writes go out. */
    private void gather(List<Pending<T>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending<T> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void write(List<Pending<T>> batch) {
        List<T> items = new ArrayList<>(batch.size());
        for (Pending<T> pending : batch) {
            items.add(pending.item());
        }
        inFlight.incrementAndGet();
        Map<Integer, ItemOutcome> problems;
        try {
            problems = writer.write(items);
        } catch (Exception | Error e) {
            failAll(batch, e);
            return;
        } finally {
            inFlight.decrementAndGet();
        }
        if (batchSizes != null) {
            batchSizes.accept(batch.size());
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(problems.getOrDefault(i, ItemOutcome.WRITTEN));
        }
    }

    private static <T> void failAll(List<Pending<T>> batch, Throwable cause) {
        for (Pending<T> pending : batch) {
            pending.outcome().complete(new ItemOutcome.Failed(cause));
        }
    }

    /**
     * Stops taking items and waits until every queued item is written (or {@code timeout} passes), so that
     * a stopping process answers every request it accepted.
     */
    public void drain(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Pending<T>> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            LOG.warnf("%d queued items were not written before shutdown", left.size());
            failAll(left, new IllegalStateException("The writer stopped before this item was written"));
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(5));
    }

    /** The committer is draining for shutdown and takes nothing new. */
    public static final class ClosedException extends RuntimeException {
        public ClosedException() {
            super("The writer is shutting down", null, false, false);
        }
    }

    /** The queue is full: the store cannot keep up, and waiting longer would only add latency. */
    public static final class QueueFullException extends RuntimeException {
        public QueueFullException() {
            super("The write queue is full", null, false, false);
        }
    }
}
