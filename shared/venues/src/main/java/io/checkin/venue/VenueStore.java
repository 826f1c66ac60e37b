package io.checkin.venue;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.checkin.store.StoreCollections;

/**
 * The {@code venues} collection. Every call is bounded by a timeout, and a circuit breaker answers at once
 * while the store is down, so a client gets a 503 within two seconds instead of a hanging request.
 * Writes that belong to one owner filter on the owner too: the check and the change are one operation.
 */
@ApplicationScoped
@Timeout // its value, and the breaker's: checkin.store.* (StoreConfig)
@CircuitBreaker(skipOn = { MongoWriteException.class, MongoBulkWriteException.class })
public class VenueStore {

    /** The request id of the venue's latest re-issue, kept so that its retry re-issues nothing. */
    static final String REISSUED_BY = "reissuedBy";

    @Inject
    StoreCollections collections;

    /** Where this store's venues are: null for the {@code venues} collection. */
    private final MongoCollection<Document> elsewhere;

    public VenueStore() {
        this(null);
    }

    private VenueStore(MongoCollection<Document> elsewhere) {
        this.elsewhere = elsewhere;
    }

    /**
     * A store of venues in another collection, such as the warm-up's scratch one: the same reads and writes, without the
     * timeout and the breaker (which belong to the {@code venues} collection's store).
     */
    public static VenueStore over(MongoCollection<Document> collection) {
        return new VenueStore(java.util.Objects.requireNonNull(collection));
    }

    public void insert(Venue venue) {
        venues().insertOne(venue.toDocument());
    }

    /** Ordered, so a failure leaves a known prefix written, which the caller can remove again. */
    public void insertAll(List<Venue> venues) {
        venues().insertMany(venues.stream().map(Venue::toDocument).toList(),
                new InsertManyOptions().ordered(true));
    }

    public void deleteAll(List<String> ids) {
        venues().deleteMany(Filters.in("_id", ids));
    }

    public Optional<Venue> find(String id) {
        return Optional.ofNullable(venues().find(Filters.eq("_id", id)).first()).map(Venue::fromDocument);
    }

    public List<Venue> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Venue> found = new java.util.ArrayList<>();
        venues().find(Filters.in("_id", ids)).forEach(doc -> found.add(Venue.fromDocument(doc)));
        return found;
    }

    /** Bumps the code version (which revokes every older code) if the venue belongs to the owner. */
    public Optional<Venue> bumpCodeVersion(String id, String ownerSub, Instant now) {
        return update(owned(id, ownerSub),
                Updates.combine(Updates.inc("codeVersion", 1), Updates.set("updatedAt", Date.from(now))));
    }

    /**
     * Bumps the code version once per request: a retry that carries the same {@code requestId} finds it recorded on
     * the venue and changes nothing (empty, like a missing or foreign venue, which the caller tells apart).
     */
    public Optional<Venue> bumpCodeVersionOnce(String id, String ownerSub, String requestId, Instant now) {
        return update(Filters.and(owned(id, ownerSub), Filters.ne(REISSUED_BY, requestId)), Updates.combine(
                Updates.inc("codeVersion", 1), Updates.set(REISSUED_BY, requestId), Updates.set("updatedAt", Date.from(now))));
    }

    public Optional<Venue> setStatus(String id, String ownerSub, VenueStatus status, Instant now) {
        return update(owned(id, ownerSub),
                Updates.combine(Updates.set("status", status.stored()), Updates.set("updatedAt", Date.from(now))));
    }

    private static Bson owned(String id, String ownerSub) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("ownerSub", ownerSub));
    }

    private MongoCollection<Document> venues() {
        return elsewhere != null ? elsewhere : collections.venues();
    }

    private Optional<Venue> update(Bson filter, Bson update) {
        Document after = venues().findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(Venue::fromDocument);
    }
}
