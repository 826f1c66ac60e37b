package io.checkin.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

import io.checkin.batch.ItemOutcome;

/**
 * Inserts into the append-only {@code scans} collection (or the warm-up's scratch collection, the same way). Only inserts: a duplicate key means "already
 * recorded", which is an outcome, not an error. A circuit breaker fails at once while the store is down (its
 * values: checkin.store.*, StoreConfig). The write's time is bounded by the scan queue, not here.
 */
@ApplicationScoped
@CircuitBreaker(skipOn = { MongoBulkWriteException.class, MongoWriteException.class })
public class ScanWriter {

    /** One unordered insertMany: every scan is tried, and each failure is reported against its own index. */
    public Map<Integer, ItemOutcome> insertAll(MongoCollection<Document> into, List<Document> scans) {
        try {
            into.insertMany(scans, new InsertManyOptions().ordered(false));
            return Map.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e; // the writes may or may not be durable: fail them all, the clients retry safely
            }
            Map<Integer, ItemOutcome> outcomes = new HashMap<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                outcomes.put(error.getIndex(), ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                        ? ItemOutcome.DUPLICATE
                        : new ItemOutcome.Failed(new IllegalStateException("Write error " + error.getCode())));
            }
            return outcomes;
        }
    }

    public ItemOutcome insert(MongoCollection<Document> into, Document scan) {
        try {
            into.insertOne(scan);
            return ItemOutcome.WRITTEN;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return ItemOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    public Optional<Document> find(MongoCollection<Document> in, String id) {
        return Optional.ofNullable(in.find(Filters.eq("_id", id)).first());
    }
}
