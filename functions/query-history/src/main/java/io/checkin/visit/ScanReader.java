package io.checkin.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.checkin.store.ScanDocument;
import io.checkin.store.StoreCollections;

/**
 * Reads scan events by person or by venue and server-time range: the two indexes of the scans collection,
 * {@code {userSub, at}} and {@code {venueId, at}}, serve these queries on MongoDB.
 */
@ApplicationScoped
@CircuitBreaker // its values: checkin.store.* (StoreConfig)
public class ScanReader {

    private static final Bson EVENT_FIELDS = Projections.include(ScanDocument.PERSON, ScanDocument.VENUE,
            ScanDocument.DIRECTION, ScanDocument.STORED_AT, ScanDocument.MADE_AT);

    @Inject
    StoreCollections collections;

    @Inject
    HistoryConfig config;

    /**
     * The scans collection with the history read timeout (the driver's operation timeout, which bounds the whole
     * read, retries included), instead of the store timeout every other call has (checkin.store.timeout-millis).
     */
    private MongoCollection<Document> scans() {
        return collections.scans().withTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<ScanEvent> ofUser(String userSub, Instant from, Instant to) {
        return read(Filters.and(Filters.eq(ScanDocument.PERSON, userSub), between(from, to)));
    }

    public List<ScanEvent> ofUsers(Collection<String> userSubs, Instant from, Instant to) {
        int above = config.inMemoryFilterAbove();
        if (above > 0 && userSubs.size() > above) {
            Set<String> wanted = userSubs instanceof Set<String> set ? set : new HashSet<>(userSubs);
            return read(between(from, to)).stream().filter(e -> wanted.contains(e.userSub())).toList();
        }
        return read(Filters.and(Filters.in(ScanDocument.PERSON, userSubs), between(from, to)));
    }

    /** Everyone with a scan at the venue in the range. */
    public Set<String> usersAt(String venueId, Instant from, Instant to) {
        return scans().distinct(ScanDocument.PERSON, Filters.and(Filters.eq(ScanDocument.VENUE, venueId), between(from, to)),
                String.class).into(new HashSet<>());
    }

    private List<ScanEvent> read(Bson filter) {
        List<ScanEvent> events = new ArrayList<>();
        scans().find(filter).projection(EVENT_FIELDS).forEach(doc -> events.add(ScanEvent.fromDocument(doc)));
        return events;
    }

    private static Bson between(Instant from, Instant to) {
        return Filters.and(Filters.gte(ScanDocument.STORED_AT, Date.from(from)),
                Filters.lte(ScanDocument.STORED_AT, Date.from(to)));
    }
}
