package io.checkin.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.checkin.code.Direction;

/**
 * Turns one person's scans into visits. Scans are an append-only log; visits are computed when read,
 * so no scan ever needs a read-modify-write. The rules, per person, in time order:
 * <ul>
 * <li>an entry, then an exit at the same venue within the maximum stay: a visit, both ends scanned;</li>
 * <li>an entry, then any scan elsewhere before an exit: the visit ends at that scan (auto check-out);</li>
 * <li>an entry with nothing after it: the visit ends at the entry plus the maximum stay, or now if that is
 * earlier (auto check-out);</li>
 * <li>an exit without an entry: a visit of the assumed length ending at the exit (start assumed); it may
 * overlap the visit before, when the scans contradict each other: tracing errs towards including a contact;</li>
 * <li>repeated entries (or exits) at the same venue count once while each is within the merge window of the
 * one before it.</li>
 * </ul>
 * Scans within {@link VisitRules#simultaneous()} of the first of them are taken in the order that explains them
 * best: an exit that closes the open visit first, then entries, then other exits; each keeps its own time.
 */
public final class VisitDeriver {

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

    /** Visits of one person, in time order. */
    public List<Visit> derive(List<ScanEvent> events, Instant now) {
        List<ScanEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(ScanEvent::time));
        Walk walk = new Walk(now);
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            Instant together = sorted.get(i).time().plus(rules.simultaneous());
            while (j < sorted.size() && !sorted.get(j).time().isAfter(together)) {
                j++;
            }
            for (ScanEvent event : walk.order(sorted.subList(i, j))) {
                walk.take(event);
            }
            i = j;
        }
        walk.finish();
        return walk.visits;
    }

    private final class Walk {
        final Instant now;
        final List<Visit> visits = new ArrayList<>();
        ScanEvent openIn; // the entry of the visit in progress
        Instant lastInAt; // the latest merged repeat of that entry
        ScanEvent lastOut; // the exit that ended the latest visit, for merging repeats

        Walk(Instant now) {
            this.now = now;
        }

        List<ScanEvent> order(List<ScanEvent> together) {
            if (together.size() == 1) {
                return together;
            }
            List<ScanEvent> ordered = new ArrayList<>(together.size());
            for (ScanEvent e : together) {
                if (e.direction() == Direction.OUT && openIn != null && e.venueId().equals(openIn.venueId())) {
                    ordered.add(e);
                }
            }
            together.stream().filter(e -> e.direction() == Direction.IN).forEach(ordered::add);
            together.stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
            return ordered;
        }

        void take(ScanEvent e) {
            if (openIn != null && e.time().isAfter(openIn.time().plus(rules.maxStay()))) {
                close(openIn.time().plus(rules.maxStay()), Visit.AUTO_CHECKOUT);
            }
            if (e.direction() == Direction.IN) {
                entry(e);
            } else {
                exit(e);
            }
        }

        private void entry(ScanEvent e) {
            if (openIn != null) {
                if (openIn.venueId().equals(e.venueId())
                        && !e.time().isAfter(lastInAt.plus(rules.mergeWindow()))) {
                    lastInAt = e.time();
                    return;
                }
                close(e.time(), Visit.AUTO_CHECKOUT);
            }
            openIn = e;
            lastInAt = e.time();
        }

        private void exit(ScanEvent e) {
            if (openIn != null && openIn.venueId().equals(e.venueId())) {
                close(e.time(), Visit.SCANNED);
                lastOut = e;
                return;
            }
            if (openIn != null) {
                close(e.time(), Visit.AUTO_CHECKOUT);
            }
            if (lastOut != null && lastOut.venueId().equals(e.venueId())
                    && !e.time().isAfter(lastOut.time().plus(rules.mergeWindow()))) {
                lastOut = e; // a repeated exit scan: the window runs on from it, as for a repeated entry
                return;
            }
            visits.add(new Visit(e.userSub(), e.venueId(), e.time().minus(rules.assumedStay()), e.time(), Visit.ASSUMED,
                    Visit.SCANNED));
            lastOut = e;
        }

        private void close(Instant end, String endSource) {
            visits.add(new Visit(openIn.userSub(), openIn.venueId(), openIn.time(), end, Visit.SCANNED, endSource));
            openIn = null;
        }

        void finish() {
            if (openIn != null) {
                Instant timeout = openIn.time().plus(rules.maxStay());
                Instant end = timeout.isBefore(now) ? timeout : (now.isAfter(openIn.time()) ? now : openIn.time());
                close(end, Visit.AUTO_CHECKOUT);
            }
        }
    }
}
