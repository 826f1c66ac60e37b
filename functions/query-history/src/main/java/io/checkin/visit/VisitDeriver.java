package io.checkin.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.checkin.code.Direction;

/**
 * Turns one person's scans into visits. Scans are an append-only log; visits are computed when read,
 * so no scan ever needs a read-modify-write. docs/architecture.md ("Visits") states the rules this follows, one
 * by one, with an example each; in short, per person, in the order the scans were made:
 * <ul>
 * <li>an entry, then an exit at the same venue within the maximum stay: a visit, both ends scanned;</li>
 * <li>an entry, then any other scan: the visit ends at that scan (auto check-out), at the latest after the
 * maximum stay;</li>
 * <li>an exit without an entry: a visit of the assumed length ending at the exit (start assumed);</li>
 * <li>a scan in the same direction at the same venue as the one before it, within the merge window of it,
 * is a repeat and counts once (an entry only while its visit is open);</li>
 * <li>scans within {@link VisitRules#simultaneous()} of the first of them are one moment: exits at venues with
 * no entry in the moment are taken first, then the others, each at its own time.</li>
 * </ul>
 */
public final class VisitDeriver {

    /** The order scans are taken in: when they were made; at one instant by venue, entries first. */
    static final Comparator<ScanEvent> MADE = Comparator.comparing(ScanEvent::time).thenComparing(ScanEvent::venueId)
            .thenComparing(ScanEvent::direction);

    private final VisitRules rules;

    public VisitDeriver(VisitRules rules) {
        this.rules = rules;
    }

    /** Visits of everyone in {@code events}, per person in time order. */
    public List<Visit> deriveAll(List<ScanEvent> events, Instant now) {
        Map<String, List<ScanEvent>> byUser = new LinkedHashMap<>();
        for (ScanEvent event : events) {
            byUser.computeIfAbsent(event.userSub(), k -> new ArrayList<>()).add(event);
        }
        List<Visit> visits = new ArrayList<>();
        byUser.values().forEach(own -> visits.addAll(derive(own, now)));
        return visits;
    }

    /** Visits of one person, in the order they were derived. */
    public List<Visit> derive(List<ScanEvent> events, Instant now) {
        List<ScanEvent> sorted = new ArrayList<>(events);
        sorted.sort(MADE);
        Walk walk = new Walk(now);
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            Instant together = sorted.get(i).time().plus(rules.simultaneous());
            while (j < sorted.size() && !sorted.get(j).time().isAfter(together)) {
                j++;
            }
            walk.moment(sorted.subList(i, j));
            i = j;
        }
        walk.finish();
        return walk.visits;
    }

    private final class Walk {
        final Instant now;
        final List<Visit> visits = new ArrayList<>();
        ScanEvent openIn; // the entry of the visit in progress
        Instant lastInAt; // the latest repeat of that entry
        ScanEvent previous; // the scan taken last

        Walk(Instant now) {
            this.now = now;
        }

        /**
         * Scans of one moment: first the exits at venues with no entry in the moment (leaving here a moment after
         * scanning the next shop's entry), then the others, each in the order made.
         */
        void moment(List<ScanEvent> together) {
            Set<String> entered = new HashSet<>();
            together.stream().filter(e -> e.direction() == Direction.IN).forEach(e -> entered.add(e.venueId()));
            Predicate<ScanEvent> leaving = e -> e.direction() == Direction.OUT && !entered.contains(e.venueId());
            together.stream().filter(leaving).forEach(this::take);
            together.stream().filter(leaving.negate()).forEach(this::take);
        }

        private Instant expiry() {
            return openIn.time().plus(rules.maxStay());
        }

        private void take(ScanEvent e) {
            if (openIn != null && e.time().isAfter(expiry())) {
                close(expiry(), Visit.AUTO_CHECKOUT);
            }
            if (e.direction() == Direction.IN) {
                entry(e);
            } else {
                exit(e);
            }
            previous = e;
        }

        private void entry(ScanEvent e) {
            if (openIn != null && openIn.venueId().equals(e.venueId())
                    && !e.time().isAfter(lastInAt.plus(rules.mergeWindow()))) {
                lastInAt = e.time();
                return;
            }
            if (openIn != null) {
                close(e.time(), Visit.AUTO_CHECKOUT);
            }
            openIn = e;
            lastInAt = e.time();
        }

        private void exit(ScanEvent e) {
            if (openIn != null && openIn.venueId().equals(e.venueId())) {
                close(e.time(), Visit.SCANNED);
                return;
            }
            if (openIn != null) {
                close(e.time(), Visit.AUTO_CHECKOUT);
                // after an entry, this exit cannot repeat an exit
            } else if (previous != null && previous.direction() == Direction.OUT
                    && previous.venueId().equals(e.venueId())
                    && !e.time().isAfter(previous.time().plus(rules.mergeWindow()))) {
                return;
            }
            visits.add(new Visit(e.userSub(), e.venueId(), e.time().minus(rules.assumedStay()), e.time(), Visit.ASSUMED,
                    Visit.SCANNED));
        }

        private void close(Instant end, String endSource) {
            visits.add(new Visit(openIn.userSub(), openIn.venueId(), openIn.time(), end, Visit.SCANNED, endSource));
            openIn = null;
        }

        void finish() {
            if (openIn != null) {
                Instant end = expiry().isBefore(now) ? expiry() : (now.isAfter(openIn.time()) ? now : openIn.time());
                close(end, Visit.AUTO_CHECKOUT);
            }
        }
    }
}
