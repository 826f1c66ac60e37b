package io.checkin.generate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    VenueLanes lanes;

    @Inject
    VenueStatusCache statusCache;

    @Inject
    Clock clock;

    /** A new venue; with a request id, the one that request registered before, if this is its retry. */
    public Venue register(String ownerSub, VenueDraft draft, String requestId) {
        if (requestId != null) {
            return registerAll(ownerSub, List.of(draft), requestId).get(0);
        }
        for (int attempt = 1;; attempt++) {
            Venue venue = draft.toVenue(VenueIds.next(), ownerSub, now());
            try {
                store().insert(venue);
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
     * venues already written are removed again, so a retry of the whole request is always safe. The removal goes to
     * the store the insert went to, even when the request's lane has closed meanwhile (a warm-up's request that a slow
     * store held past the warm-up's end).
     */
    public List<Venue> registerAll(String ownerSub, List<VenueDraft> drafts, String requestId) {
        VenueStore store = store();
        if (requestId != null) {
            return registerOnce(store, ownerSub, drafts, requestId);
        }
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
                undo(store, venues);
                boolean collision = e instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                        .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!collision || attempt == ID_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The venues of a request with an id: their ids come from it (VenueIds.forRequest), so its retry finds what the
     * first attempt wrote and answers that; a request id used before for other venues is 409 request-id-reused.
     */
    private List<Venue> registerOnce(VenueStore store, String ownerSub, List<VenueDraft> drafts, String requestId) {
        Instant now = now();
        List<Venue> venues = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            venues.add(drafts.get(i).toVenue(VenueIds.forRequest(ownerSub, requestId, i), ownerSub, now));
        }
        List<Venue> before = registeredBefore(store, venues);
        if (before != null) {
            return before;
        }
        try {
            store.insertAll(venues);
            return venues;
        } catch (MongoBulkWriteException e) {
            // another attempt of the request writing at the same time: remove only what this one wrote
            int written = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            undo(store, venues.subList(0, written));
            List<Venue> raced = registeredBefore(store, venues);
            if (raced == null) {
                throw e;
            }
            return raced;
        } catch (RuntimeException e) {
            undo(store, venues);
            throw e;
        }
    }

    /** What an earlier attempt of the request registered, in the request's order; null if it registered nothing. */
    private static List<Venue> registeredBefore(VenueStore store, List<Venue> wanted) {
        List<Venue> found = store.findAll(wanted.stream().map(Venue::id).toList());
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Venue> wantedById = byId(wanted);
        if (found.size() < wanted.size() && found.stream().allMatch(v -> sameDraft(v, wantedById.get(v.id())))) {
            // what an attempt that failed part-way could not remove: this attempt writes the request whole again
            undo(store, found);
            return null;
        }
        Map<String, Venue> byId = byId(found);
        List<Venue> inOrder = new ArrayList<>(wanted.size());
        for (Venue venue : wanted) {
            Venue stored = byId.get(venue.id());
            if (stored == null || !sameDraft(stored, venue)) {
                throw ProblemException.conflict("request-id-reused", "requestId",
                        "This requestId was used before for other venues; make a new one for a new request");
            }
            inOrder.add(stored);
        }
        return inOrder;
    }

    private static Map<String, Venue> byId(List<Venue> venues) {
        Map<String, Venue> byId = new HashMap<>();
        venues.forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    private static boolean sameDraft(Venue a, Venue b) {
        return b != null && a.ownerSub().equals(b.ownerSub()) && a.name().equals(b.name()) && a.address().equals(b.address())
                && a.region().equals(b.region()) && Objects.equals(a.capacity(), b.capacity());
    }

    private static void undo(VenueStore store, List<Venue> venues) {
        try {
            store.deleteAll(venues.stream().map(Venue::id).toList());
        } catch (RuntimeException e) {
            LOG.errorf(e, "A failed bulk registration could not be undone; up to %d venues may remain", venues.size());
        }
    }

    /** The venue, if the caller owns it: 404 if there is no such venue, 403 if it is someone else's. */
    public Venue owned(String ownerSub, String venueId) {
        Venue venue = store().find(venueId).orElseThrow(() -> notFound(venueId));
        if (!venue.ownerSub().equals(ownerSub)) {
            throw notOwner();
        }
        return venue;
    }

    /**
     * New codes for the venue; every code issued before stops working. With a request id, a retry of that re-issue
     * answers the codes it issued (the venue as it is) instead of revoking them too.
     */
    public Venue reissue(String ownerSub, String venueId, String requestId) {
        Venue venue = (requestId == null ? store().bumpCodeVersion(venueId, ownerSub, now())
                : store().bumpCodeVersionOnce(venueId, ownerSub, requestId, now())).orElse(null);
        if (venue == null) {
            // no such venue (404), someone else's (403), or this request's re-issue was made already
            return owned(ownerSub, venueId);
        }
        statusCache.forget(venueId);
        return venue;
    }

    public Venue setStatus(String ownerSub, String venueId, VenueStatus status) {
        Venue venue = store().setStatus(venueId, ownerSub, status, now()).orElseThrow(() -> missingOrForeign(venueId));
        statusCache.forget(venueId);
        return venue;
    }

    private ProblemException missingOrForeign(String venueId) {
        return store().find(venueId).isPresent() ? notOwner() : notFound(venueId);
    }

    private static ProblemException notFound(String venueId) {
        return ProblemException.notFound("venue-not-found", "No venue " + venueId);
    }

    private static ProblemException notOwner() {
        return ProblemException.forbidden("not-venue-owner", "This venue belongs to another manager");
    }

    private VenueStore store() {
        return lanes.current().store();
    }

    private Instant now() {
        return clock.instant();
    }
}
