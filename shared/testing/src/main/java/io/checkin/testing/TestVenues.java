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
        Instant now = Instant.now();
        Venue venue = new Venue(VenueIds.next(), name, "1 Test Street", "test", null, ownerSub, 1,
                VenueStatus.ACTIVE, now, now);
        store.insert(venue);
        return new Created(venue.id(), name, signer.sign(new VenueCode(venue.id(), Direction.IN, 1, name)),
                signer.sign(new VenueCode(venue.id(), Direction.OUT, 1, name)));
    }
}
