package io.checkin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a function keeps at most is checked against its heap at start, and a misfit names every setting. */
class MemoryBudgetTest {

    static final long MIB = 1024 * 1024;
    static final List<MemoryReservation> SCAN = List.of(
            new MemoryReservation("checkin.codes.verified-cache-size", "verified codes", 30_000, 600),
            new MemoryReservation("checkin.scan.group-commit.queue-capacity", "scans waiting", 5_000, 1_500));

    @Test
    void reservationsWithinTheBudgetPassAndAreSummedUp() {
        String summary = MemoryBudget.check(SCAN, 128 * MIB, 40);
        assertTrue(summary.contains("24.3 MiB at most, of a budget of 51.2 MiB (40% of the 128.0 MiB heap)"), summary);
        assertTrue(summary.indexOf("verified-cache-size") < summary.indexOf("queue-capacity"), "largest first: " + summary);
    }

    @Test
    void reservationsBeyondTheBudgetStopTheStartNamingEachSettingAndItsShare() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MemoryBudget.check(SCAN, 48 * MIB, 40));
        assertTrue(e.getMessage().contains("checkin.codes.verified-cache-size: 30000 verified codes x 600 B = 17.2 MiB")
                && e.getMessage().contains("checkin.scan.group-commit.queue-capacity: 5000 scans waiting x 1500 B = 7.2 MiB")
                && e.getMessage().contains("checkin.memory.budget-percent"), e.getMessage());
    }

    @Test
    void aBudgetThatIsNotAShareOfTheHeapIsRefused() {
        assertThrows(IllegalStateException.class, () -> MemoryBudget.check(SCAN, 128 * MIB, 0));
        assertThrows(IllegalStateException.class, () -> MemoryBudget.check(SCAN, 128 * MIB, 101));
    }

    @Test
    void aFingerprintIsFixedInSizeAndTellsTextsApart() {
        assertEquals(Fingerprint.of("a".repeat(4096)), Fingerprint.of("a".repeat(4096)));
        assertNotEquals(Fingerprint.of("ab"), Fingerprint.of("ba"));
    }
}
