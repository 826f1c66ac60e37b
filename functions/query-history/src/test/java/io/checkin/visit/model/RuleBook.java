package io.checkin.visit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.checkin.code.Direction;
import io.checkin.visit.ContactFinder.Contact;
import io.checkin.visit.ContactFinder.VenueExposure;
import io.checkin.visit.ScanEvent;
import io.checkin.visit.Visit;
import io.checkin.visit.VisitRules;

/**
 * The rule book of docs/architecture.md ("Visits"), written out plainly from that text and nothing else, for
 * the tests to compare the application with. It favours being obviously right over being fast: no indexes, no
 * early exits, every rule where its number says.
 */
public final class RuleBook {

    private final VisitRules rules;

    public RuleBook(VisitRules rules) {
        this.rules = rules;
    }

    /** Rules 1-6: everyone's visits. */
    public List<Visit> visits(List<ScanEvent> scans, Instant now) {
        Map<String, List<ScanEvent>> people = new TreeMap<>();
        for (ScanEvent scan : scans) {
            people.computeIfAbsent(scan.userSub(), p -> new ArrayList<>()).add(scan);
        }
        List<Visit> visits = new ArrayList<>();
        for (List<ScanEvent> own : people.values()) {
            visits.addAll(visitsOfOnePerson(own, now));
        }
        return visits;
    }

    private List<Visit> visitsOfOnePerson(List<ScanEvent> scans, Instant now) {
        // rule 1: the order they were made; at one instant by venue, entries first
        List<ScanEvent> made = new ArrayList<>(scans);
        made.sort((a, b) -> {
            if (!a.time().equals(b.time())) {
                return a.time().compareTo(b.time());
            }
            if (!a.venueId().equals(b.venueId())) {
                return a.venueId().compareTo(b.venueId());
            }
            return Boolean.compare(a.direction() == Direction.OUT, b.direction() == Direction.OUT);
        });

        List<Visit> visits = new ArrayList<>();
        ScanEvent entry = null; // the entry of the open visit
        ScanEvent before = null; // the scan taken just before
        int first = 0;
        while (first < made.size()) {
            // rule 6: the moment is every scan within the moment of its first one
            Instant momentStart = made.get(first).time();
            List<ScanEvent> moment = new ArrayList<>();
            int next = first;
            while (next < made.size() && Duration.between(momentStart, made.get(next).time())
                    .compareTo(rules.simultaneous()) <= 0) {
                moment.add(made.get(next));
                next++;
            }
            first = next;
            // rule 6: exits at venues with no entry in the moment go first, then the rest in the order made
            List<ScanEvent> taken = new ArrayList<>();
            List<ScanEvent> rest = new ArrayList<>();
            for (ScanEvent s : moment) {
                boolean enteredHere = false;
                for (ScanEvent other : moment) {
                    if (other.direction() == Direction.IN && other.venueId().equals(s.venueId())) {
                        enteredHere = true;
                    }
                }
                if (s.direction() == Direction.OUT && !enteredHere) {
                    taken.add(s);
                } else {
                    rest.add(s);
                }
            }
            taken.addAll(rest);

            for (ScanEvent scan : taken) {
                // rule 3: open longer than the maximum stay
                if (entry != null && Duration.between(entry.time(), scan.time()).compareTo(rules.maxStay()) > 0) {
                    visits.add(visit(entry, entry.time().plus(rules.maxStay()), Visit.AUTO_CHECKOUT));
                    entry = null;
                }
                // rule 5: a repeat changes nothing (an entry only while its visit is open)
                boolean repeat = before != null && before.direction() == scan.direction()
                        && before.venueId().equals(scan.venueId())
                        && Duration.between(before.time(), scan.time()).compareTo(rules.mergeWindow()) <= 0
                        && (scan.direction() == Direction.OUT || entry != null);
                if (repeat) {
                    before = scan;
                    continue;
                }
                if (scan.direction() == Direction.IN) {
                    if (entry != null) { // rule 3
                        visits.add(visit(entry, scan.time(), Visit.AUTO_CHECKOUT));
                    }
                    entry = scan; // rule 2
                } else if (entry != null && entry.venueId().equals(scan.venueId())) {
                    visits.add(visit(entry, scan.time(), Visit.SCANNED)); // rule 2
                    entry = null;
                } else {
                    if (entry != null) { // rule 3
                        visits.add(visit(entry, scan.time(), Visit.AUTO_CHECKOUT));
                        entry = null;
                    }
                    visits.add(new Visit(scan.userSub(), scan.venueId(), scan.time().minus(rules.assumedStay()),
                            scan.time(), Visit.ASSUMED, Visit.SCANNED)); // rule 4
                }
                before = scan;
            }
        }
        if (entry != null) { // rule 3: nothing after it
            Instant end = entry.time().plus(rules.maxStay());
            if (now.isBefore(end)) {
                end = now.isBefore(entry.time()) ? entry.time() : now;
            }
            visits.add(visit(entry, end, Visit.AUTO_CHECKOUT));
        }
        return visits;
    }

    private static Visit visit(ScanEvent entry, Instant end, String endSource) {
        return new Visit(entry.userSub(), entry.venueId(), entry.time(), end, Visit.SCANNED, endSource);
    }

    /** Rule 7: the visits overlapping [from, to], ends included, in page order. */
    public static List<Visit> inWindow(List<Visit> visits, Instant from, Instant to) {
        List<Visit> shown = new ArrayList<>();
        for (Visit v : visits) {
            if (!v.start().isAfter(to) && !v.end().isBefore(from)) {
                shown.add(v);
            }
        }
        shown.sort(PAGE_ORDER);
        return shown;
    }

    /** Rule 7: newest start first, then venue, person, latest end, how each end is known. */
    public static final Comparator<Visit> PAGE_ORDER = (a, b) -> {
        int c = b.start().compareTo(a.start());
        if (c == 0) {
            c = a.venueId().compareTo(b.venueId());
        }
        if (c == 0) {
            c = a.userSub().compareTo(b.userSub());
        }
        if (c == 0) {
            c = b.end().compareTo(a.end());
        }
        if (c == 0) {
            c = a.startSource().compareTo(b.startSource());
        }
        if (c == 0) {
            c = a.endSource().compareTo(b.endSource());
        }
        return c;
    };

    /** Rule 8: the contacts of a case, from everyone's visits. */
    public static List<Contact> contacts(String caseSub, List<Visit> everyone, Instant from, Instant to,
            Duration minimum) {
        List<Visit> caseVisits = new ArrayList<>();
        for (Visit v : everyone) {
            if (v.userSub().equals(caseSub) && !v.start().isAfter(to) && !v.end().isBefore(from)) {
                caseVisits.add(v);
            }
        }
        // person -> venue -> the stretches they shared
        Map<String, Map<String, List<Instant[]>>> shared = new TreeMap<>();
        for (Visit mine : caseVisits) {
            for (Visit theirs : everyone) {
                if (theirs.userSub().equals(caseSub) || !theirs.venueId().equals(mine.venueId())) {
                    continue;
                }
                Instant a = mine.start().isAfter(theirs.start()) ? mine.start() : theirs.start();
                Instant b = mine.end().isBefore(theirs.end()) ? mine.end() : theirs.end();
                if (b.isAfter(a) && Duration.between(a, b).compareTo(minimum) >= 0) {
                    shared.computeIfAbsent(theirs.userSub(), p -> new TreeMap<>())
                            .computeIfAbsent(theirs.venueId(), v -> new ArrayList<>()).add(new Instant[] { a, b });
                }
            }
        }
        List<Contact> contacts = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Instant[]>>> person : shared.entrySet()) {
            List<VenueExposure> venues = new ArrayList<>();
            long total = 0;
            for (Map.Entry<String, List<Instant[]>> venue : person.getValue().entrySet()) {
                long minutes = coveredOnce(venue.getValue()).toMinutes();
                venues.add(new VenueExposure(venue.getKey(), minutes));
                total += minutes;
            }
            venues.sort((x, y) -> x.overlapMinutes() != y.overlapMinutes()
                    ? Long.compare(y.overlapMinutes(), x.overlapMinutes())
                    : x.venueId().compareTo(y.venueId()));
            contacts.add(new Contact(person.getKey(), total, venues));
        }
        contacts.sort((x, y) -> x.totalOverlapMinutes() != y.totalOverlapMinutes()
                ? Long.compare(y.totalOverlapMinutes(), x.totalOverlapMinutes())
                : x.userSub().compareTo(y.userSub()));
        return contacts;
    }

    /** Every piece between two consecutive edges counts when some stretch covers it. */
    private static Duration coveredOnce(List<Instant[]> stretches) {
        TreeSet<Instant> edges = new TreeSet<>();
        for (Instant[] s : stretches) {
            edges.add(s[0]);
            edges.add(s[1]);
        }
        List<Instant> sorted = new ArrayList<>(edges);
        Duration covered = Duration.ZERO;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Instant a = sorted.get(i);
            Instant b = sorted.get(i + 1);
            for (Instant[] s : stretches) {
                if (!s[0].isAfter(a) && !s[1].isBefore(b)) {
                    covered = covered.plus(Duration.between(a, b));
                    break;
                }
            }
        }
        return covered;
    }
}
