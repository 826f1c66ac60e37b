package io.checkin.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.checkin.venue.Venue;
import io.checkin.venue.VenueState;
import io.checkin.venue.VenueStatus;
import io.checkin.venue.VenueStore;

/**
 * People's venue states and the warm-up's are loaded by one loader: the store first, then the venues held in memory
 * (the warm-up's, which are in no store). For people nothing is held, so a venue the store lacks has no state.
 */
class VenueStateLoadsTest {

    private static final VenueState SUSPENDED = new VenueState(VenueStatus.SUSPENDED, 3);
    private static final VenueState HELD = new VenueState(VenueStatus.ACTIVE, 1);

    private final List<String> reads = new ArrayList<>();
    private final VenueStore store = new VenueStore() {
        @Override
        public Optional<Venue> find(String id) {
            reads.add(id);
            return id.equals("stored") ? Optional.of(new Venue("stored", "Stored", "1 Road", "r", null, "owner", 3,
                    VenueStatus.SUSPENDED, Instant.EPOCH, Instant.EPOCH)) : Optional.empty();
        }
    };

    @Test
    void aStoredVenueIsReadFromTheStoreWhateverIsHeld() {
        var load = VenueStatusCache.reading(store, Map.of("stored", HELD));
        assertEquals(Optional.of(SUSPENDED), load.apply("stored"));
    }

    @Test
    void aVenueInNoStoreIsTakenFromThoseHeldAfterTheStoreWasAsked() {
        var load = VenueStatusCache.reading(store, Map.of("warmup-1", HELD));
        assertEquals(Optional.of(HELD), load.apply("warmup-1"));
        assertEquals(List.of("warmup-1"), reads, "the store read a person's first scan makes");
    }

    @Test
    void withNothingHeldAsForPeopleAVenueTheStoreLacksHasNoState() {
        VenueStatusCache people = new VenueStatusCache(VenueStatusCache.reading(store, Map.of()), 10,
                Duration.ofMinutes(1));
        assertEquals(Optional.empty(), people.state("warmup-1", 1));
        assertEquals(Optional.of(SUSPENDED), people.state("stored", 1));
    }
}
