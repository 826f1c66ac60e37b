package io.checkin.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contacts of a case: for each of the case's visits, everyone else whose visit at the same venue overlaps
 * it by at least the minimum; aggregated per person (overlap per venue in whole minutes, rounded down, and
 * their sum), most exposed first, then by subject.
 */
public final class ContactFinder {

    private ContactFinder() {
    }

    @RegisterForReflection
    public record VenueExposure(String venueId, long overlapMinutes) {
    }

    @RegisterForReflection
    public record Contact(String userSub, long totalOverlapMinutes, List<VenueExposure> venues) {
    }

    public static List<Contact> find(String caseSub, List<Visit> caseVisits, List<Visit> othersVisits,
            Duration minOverlap) {
        Map<String, Map<String, Duration>> exposure = new LinkedHashMap<>();
        for (Visit caseVisit : caseVisits) {
            for (Visit other : othersVisits) {
                if (other.userSub().equals(caseSub) || !other.venueId().equals(caseVisit.venueId())) {
                    continue;
                }
                Duration overlap = other.overlap(caseVisit.start(), caseVisit.end());
                if (!overlap.isZero() && overlap.compareTo(minOverlap) >= 0) {
                    exposure.computeIfAbsent(other.userSub(), k -> new TreeMap<>()).merge(other.venueId(), overlap,
                            Duration::plus);
                }
            }
        }
        List<Contact> contacts = new ArrayList<>();
        exposure.forEach((user, venues) -> {
            List<VenueExposure> perVenue = new ArrayList<>();
            long total = 0;
            for (Map.Entry<String, Duration> venue : venues.entrySet()) {
                perVenue.add(new VenueExposure(venue.getKey(), venue.getValue().toMinutes()));
                total += venue.getValue().toMinutes(); // the total is the sum of the minutes shown, so they add up
            }
            perVenue.sort(Comparator.comparingLong(VenueExposure::overlapMinutes).reversed()
                    .thenComparing(VenueExposure::venueId));
            contacts.add(new Contact(user, total, perVenue));
        });
        contacts.sort(Comparator.comparingLong(Contact::totalOverlapMinutes).reversed().thenComparing(Contact::userSub));
        return contacts;
    }
}
