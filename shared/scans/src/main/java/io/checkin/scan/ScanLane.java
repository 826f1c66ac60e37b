package io.checkin.scan;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import io.checkin.batch.GroupCommitter;
import io.checkin.code.CodeChecker;
import io.checkin.limit.KeyedRateLimiter;

/**
 * Where a scan is checked, counted and written: people's scans in one lane, the running warm-up's in another, so that
 * nothing the warm-up sends can reach people's collection, caches or limits.
 *
 * @param perPerson null when the per-person limit is off
 * @param committer null when group commit is off
 */
record ScanLane(CodeChecker codes, KeyedRateLimiter perPerson, GroupCommitter<Document> committer,
        MongoCollection<Document> scans) {
}
