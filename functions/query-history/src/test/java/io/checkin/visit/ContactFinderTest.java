package io.checkin.visit;

import static io.checkin.visit.Scans.visit;
import static io.checkin.visit.Visit.SCANNED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.checkin.visit.ContactFinder.Contact;
import io.checkin.visit.ContactFinder.VenueExposure;

class ContactFinderTest {

    private static final List<Visit> CASE = List.of(visit("case", "V1", "10:00", "11:00", SCANNED, SCANNED),
            visit("case", "V2", "14:00", "15:00", SCANNED, SCANNED));

    private static final List<Visit> OTHERS = List.of(
            visit("anna", "V1", "10:30", "12:00", SCANNED, SCANNED), // 30 min
            visit("anna", "V2", "14:00", "15:00", SCANNED, SCANNED), // 60 min
            visit("ben", "V1", "10:50", "11:30", SCANNED, SCANNED), // 10 min: too short
            visit("ben", "V2", "13:00", "14:20", SCANNED, SCANNED), // 20 min
            visit("dora", "V1", "09:00", "10:10", SCANNED, SCANNED), // 10 min: too short
            visit("emil", "V3", "10:00", "11:00", SCANNED, SCANNED), // another venue
            visit("fay", "V1", "10:00", "10:20", SCANNED, SCANNED), // 20 min
            visit("fay", "V1", "10:40", "11:00", SCANNED, SCANNED), // 20 min more
            visit("gus", "V2", "15:00", "16:00", SCANNED, SCANNED), // touches, no overlap
            visit("case", "V1", "10:00", "11:00", SCANNED, SCANNED)); // the case itself

    @Test
    void findsExactlyTheContactsWithTheirMinutesMostExposedFirst() {
        assertEquals(List.of(
                new Contact("anna", 90, List.of(new VenueExposure("V2", 60), new VenueExposure("V1", 30))),
                new Contact("fay", 40, List.of(new VenueExposure("V1", 40))),
                new Contact("ben", 20, List.of(new VenueExposure("V2", 20)))),
                ContactFinder.find("case", CASE, OTHERS, Duration.ofMinutes(15)));
    }

    @Test
    void theTotalIsTheSumOfTheMinutesShownAndEqualTotalsGoBySubject() {
        // 15.5 minutes at each venue: 15 and 15 shown, so the total is 30, not the 31 of the exact sum
        List<Visit> others = List.of(
                visit("zoe", "V1", "2026-11-20T10:44:30Z", "11:30", SCANNED, SCANNED),
                visit("zoe", "V2", "2026-11-20T14:44:30Z", "15:30", SCANNED, SCANNED),
                visit("abe", "V1", "10:30", "11:30", SCANNED, SCANNED));
        assertEquals(List.of(
                new Contact("abe", 30, List.of(new VenueExposure("V1", 30))),
                new Contact("zoe", 30, List.of(new VenueExposure("V1", 15), new VenueExposure("V2", 15)))),
                ContactFinder.find("case", CASE, others, Duration.ofMinutes(15)));
    }

    @Test
    void aLowerMinimumTakesInShorterOverlaps() {
        List<Contact> contacts = ContactFinder.find("case", CASE, OTHERS, Duration.ofMinutes(10));
        assertEquals(List.of("anna", "fay", "ben", "dora"), contacts.stream().map(Contact::userSub).toList());
        assertEquals(30, contacts.get(2).totalOverlapMinutes());
    }

    @Test
    void theTimeTogetherCountsOnceWhereTheCasesVisitsOverlap() {
        // IN V 20:00, IN W 20:20, OUT V 20:30: V 20:00-20:20, W 20:20-20:30 and V 20:00-20:30 assumed; someone at
        // V all evening was with the case for 30 minutes, not 20 + 30
        List<Visit> caseVisits = List.of(visit("case", "V", "20:00", "20:20", SCANNED, Visit.AUTO_CHECKOUT),
                visit("case", "W", "20:20", "20:30", SCANNED, Visit.AUTO_CHECKOUT),
                visit("case", "V", "20:00", "20:30", Visit.ASSUMED, SCANNED));
        assertEquals(List.of(new Contact("ida", 30, List.of(new VenueExposure("V", 30)))),
                ContactFinder.find("case", caseVisits, List.of(visit("ida", "V", "19:00", "22:00", SCANNED, SCANNED)),
                        Duration.ofMinutes(15)));
    }
}
