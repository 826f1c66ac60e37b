package io.checkin.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.checkin.venue.VenueState;
import io.checkin.venue.VenueStatus;

class CodeCurrencyTest {

    private static final VenueCode VERSION_2 = new VenueCode("v1234567890", Direction.OUT, 2, "Library");

    @Test
    void acceptsTheCurrentVersionOfAnActiveVenue() {
        CodeChecker.requireCurrent(VERSION_2, Optional.of(new VenueState(VenueStatus.ACTIVE, 2)));
    }

    @Test
    void rejectsACodeFromBeforeARessue() {
        assertRejected(CodeRejectedException.REVOKED,
                () -> CodeChecker.requireCurrent(VERSION_2, Optional.of(new VenueState(VenueStatus.ACTIVE, 3))));
    }

    @Test
    void rejectsACodeOfAVenueThatIsGone() {
        assertRejected(CodeRejectedException.REVOKED, () -> CodeChecker.requireCurrent(VERSION_2, Optional.empty()));
    }

    @Test
    void rejectsASuspendedVenue() {
        assertRejected(CodeRejectedException.VENUE_SUSPENDED,
                () -> CodeChecker.requireCurrent(VERSION_2, Optional.of(new VenueState(VenueStatus.SUSPENDED, 2))));
    }

    private static void assertRejected(String code, org.junit.jupiter.api.function.Executable call) {
        assertEquals(code, assertThrows(CodeRejectedException.class, call).code());
    }
}
