package io.checkin.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Contacts of a case: for each of the case's visits, everyone else whose visit at the same venue overlaps
 * it by at least the minimum. Per person and venue, the time they were there together, counted once where
 * visits overlap each other, in whole minutes (rounded down); the total is the sum of the minutes shown. Most
 * exposed first, then by subject.
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

    /** A stretch of time two people were at one venue together. */
    private record Together(Instant from, Instant to) {
    }

    public static List<Contact> find(String caseSub, List<Visit> caseVisits, List<Visit> othersVisits,
            Duration minOverlap) {
        Map<String, Map<String, List<Together>>> exposure = new LinkedHashMap<>();
        for (Visit caseVisit : caseVisits) {
            for (Visit other : othersVisits) {
                if (other.userSub().equals(caseSub) || !other.venueId().equals(caseVisit.venueId())) {
                    continue;
                }
                Duration overlap = other.overlap(caseVisit.start(), caseVisit.end());
                if (!overlap.isZero() && overlap.compareTo(minOverlap) >= 0) {
                    Instant from = later(other.start(), caseVisit.start());
                    exposure.computeIfAbsent(other.userSub(), k -> new TreeMap<>())
                            .computeIfAbsent(other.venueId(), k -> new ArrayList<>())
                            .add(new Together(from, from.plus(overlap)));
                }
            }
        }
        List<Contact> contacts = new ArrayList<>();
        exposure.forEach((user, venues) -> {
            List<VenueExposure> perVenue = new ArrayList<>();
            long total = 0;
            for (Map.Entry<String, List<Together>> venue : venues.entrySet()) {
                long minutes = once(venue.getValue()).toMinutes();
                perVenue.add(new VenueExposure(venue.getKey(), minutes));
                total += minutes; // the total is the sum of the minutes shown, so they add up
            }
            perVenue.sort(Comparator.comparingLong(VenueExposure::overlapMinutes).reversed()
                    .thenComparing(VenueExposure::venueId));
            contacts.add(new Contact(user, total, perVenue));
        });
        contacts.sort(Comparator.comparingLong(Contact::totalOverlapMinutes).reversed().thenComparing(Contact::userSub));
        return contacts;
    }

    /** How long the stretches cover, each instant once. */
    private static Duration once(List<Together> stretches) {
        List<Together> sorted = new ArrayList<>(stretches);
        sorted.sort(Comparator.comparing(Together::from));
        Duration covered = Duration.ZERO;
        Instant reached = Instant.MIN;
        for (Together t : sorted) {
            Instant from = later(t.from(), reached);
            if (t.to().isAfter(from)) {
                covered = covered.plus(Duration.between(from, t.to()));
                reached = t.to();
            }
        }
        return covered;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
