package io.checkin.testing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.signing.CodeSigner;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueIds;
import io.checkin.venue.VenueStatus;
import io.checkin.venue.VenueStore;

/** Venues with signed codes, for tests of functions that do not register venues themselves. */
@ApplicationScoped
public class TestVenues {

    @Inject
    VenueStore store;

    @Inject
    CodeSigner signer;

    public record Created(String venueId, String name, String entry, String exit) {

        public String code(Direction direction) {
            return direction == Direction.IN ? entry : exit;
        }
    }

    public Created create(String name) {
        return create(name, "test-owner");
    }

    public Created create(String name, String ownerSub) {
        Venue venue = active(name, ownerSub);
        store.insert(venue);
        return signed(venue, signer);
    }

    /** A new active venue at code version 1, not yet stored. */
    public static Venue active(String name, String ownerSub) {
        Instant now = Instant.now();
        return new Venue(VenueIds.next(), name, "1 Test Street", "test", null, ownerSub, 1, VenueStatus.ACTIVE, now,
                now);
    }

    /** The venue with its entry and exit codes at its code version. */
    public static Created signed(Venue venue, CodeSigner signer) {
        return new Created(venue.id(), venue.name(),
                signer.sign(new VenueCode(venue.id(), Direction.IN, venue.codeVersion(), venue.name())),
                signer.sign(new VenueCode(venue.id(), Direction.OUT, venue.codeVersion(), venue.name())));
    }
}
