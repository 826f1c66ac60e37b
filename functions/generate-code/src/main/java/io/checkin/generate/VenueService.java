package io.checkin.generate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;

import io.checkin.code.VenueStatusCache;
import io.checkin.error.ProblemException;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueIds;
import io.checkin.venue.VenueStatus;
import io.checkin.venue.VenueStore;

/** Venue registration and the owner's actions on a venue. */
@ApplicationScoped
public class VenueService {

    private static final Logger LOG = Logger.getLogger(VenueService.class);
    /** Random ids almost never collide; a few attempts make "almost" irrelevant. */
    private static final int ID_ATTEMPTS = 3;

    @Inject
    VenueStore store;

    @Inject
    VenueStatusCache statusCache;

    @Inject
    Clock clock;

    public Venue register(String ownerSub, VenueDraft draft) {
        for (int attempt = 1;; attempt++) {
            Venue venue = draft.toVenue(VenueIds.next(), ownerSub, now());
            try {
                store.insert(venue);
                return venue;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == ID_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * All or nothing: the drafts are validated before this is called, and if the insert fails part-way the
     * venues already written are removed again, so a retry of the whole request is always safe.
     */
    public List<Venue> registerAll(String ownerSub, List<VenueDraft> drafts) {
        for (int attempt = 1;; attempt++) {
            Instant now = now();
            List<Venue> venues = new ArrayList<>(drafts.size());
            for (VenueDraft draft : drafts) {
                venues.add(draft.toVenue(VenueIds.next(), ownerSub, now));
            }
            try {
                store.insertAll(venues);
                return venues;
            } catch (RuntimeException e) {
                undo(venues);
                boolean collision = e instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                        .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!collision || attempt == ID_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void undo(List<Venue> venues) {
        try {
            store.deleteAll(venues.stream().map(Venue::id).toList());
        } catch (RuntimeException e) {
            LOG.errorf(e, "A failed bulk registration could not be undone; up to %d venues may remain", venues.size());
        }
    }

    /** The venue, if the caller owns it: 404 if there is no such venue, 403 if it is someone else's. */
    public Venue owned(String ownerSub, String venueId) {
        Venue venue = store.find(venueId).orElseThrow(() -> notFound(venueId));
        if (!venue.ownerSub().equals(ownerSub)) {
            throw notOwner();
        }
        return venue;
    }

    /** New codes for the venue; every code issued before stops working. */
    public Venue reissue(String ownerSub, String venueId) {
        Venue venue = store.bumpCodeVersion(venueId, ownerSub, now()).orElseThrow(() -> missingOrForeign(venueId));
        statusCache.forget(venueId);
        return venue;
    }

    public Venue setStatus(String ownerSub, String venueId, VenueStatus status) {
        Venue venue = store.setStatus(venueId, ownerSub, status, now()).orElseThrow(() -> missingOrForeign(venueId));
        statusCache.forget(venueId);
        return venue;
    }

    private ProblemException missingOrForeign(String venueId) {
        return store.find(venueId).isPresent() ? notOwner() : notFound(venueId);
    }

    private static ProblemException notFound(String venueId) {
        return ProblemException.notFound("venue-not-found", "No venue " + venueId);
    }

    private static ProblemException notOwner() {
        return ProblemException.forbidden("not-venue-owner", "This venue belongs to another manager");
    }

    private Instant now() {
        return clock.instant();
    }
}
