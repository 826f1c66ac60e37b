package io.checkin.scan;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Scan recording: how scans are written and limited (the bounds of clientAt: {@link io.checkin.store.ScanClock}). */
@ConfigMapping(prefix = "checkin.scan")
public interface ScanConfig {

    /** The longest a scan request waits for its write before it answers 503 (the client retries safely). */
    @WithDefault("3s")
    Duration requestTimeout();

    /** How many scans one person may record: what stops a script checking one account in everywhere. */
    @WithName("rate-limit")
    RateLimit rateLimit();

    /** Group commit: many scans written with one insertMany. */
    @WithName("group-commit")
    GroupCommit groupCommit();

    interface GroupCommit {

        /** Off writes each scan with its own insert, for comparison. */
        @WithDefault("true")
        boolean enabled();

        /** Most scans in one insertMany. */
        @WithDefault("500")
        int maxBatch();

        /**
         * Longest a batch waits for more scans when the pod is busy (more than one scan waiting for the writer, or
         * another batch being written); a lone scan at an idle pod does not wait.
         */
        @WithDefault("2ms")
        Duration maxWait();

        /**
         * Batches written at the same time. One: the scans that arrive while a batch is written go out together in
         * the next, so a pod makes fewer, larger writes and spends less CPU per scan.
         */
        @WithDefault("1")
        int writers();

        /**
         * Scans waiting to be written before new ones are refused with 503 overloaded: eight times a pod's
         * containerConcurrency, since a scan whose request timed out still waits for its write.
         */
        @WithDefault("4000")
        int queueCapacity();

        /** How long shutdown waits for queued scans to be written. */
        @WithDefault("10s")
        Duration drainTimeout();
    }

    interface RateLimit {

        /**
         * Scans one person may record per minute, all at once or spread out; beyond it scans are answered 429
         * with Retry-After. Duplicates and failed writes do not count. 0 turns the limit off.
         */
        @WithDefault("20")
        int perMinute();

        /** People each instance keeps count for; beyond this the longest-idle are forgotten and start afresh. */
        @WithDefault("50000")
        long trackedPeople();
    }
}
