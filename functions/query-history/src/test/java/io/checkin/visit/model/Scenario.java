package io.checkin.visit.model;

import java.time.Instant;
import java.util.List;

import io.checkin.visit.ScanEvent;
import io.checkin.visit.VisitRules;

/**
 * People's scans over some hours, as {@link Scenarios} makes them: each scan with when it was made and when the
 * server stored it. A scan sent at once is stored when it is made, without a clientAt; one sent with its clientAt
 * was queued offline (stored hours later) or comes from a phone whose clock runs ahead (stored a little earlier).
 * {@code seed} makes it again.
 */
public record Scenario(long seed, VisitRules rules, Instant start, Instant end, List<String> people,
        List<String> venues, List<Stored> scans) {

    /** A scan as the store holds it: {@code at}, and {@code clientAt} when the phone sent one. */
    public record Stored(ScanEvent event, Instant storedAt, boolean withClientAt) {
    }

    public List<ScanEvent> events() {
        return scans.stream().map(Stored::event).toList();
    }

    public Scenario with(List<Stored> fewer) {
        return new Scenario(seed, rules, start, end, people, venues, fewer);
    }

    /** The scans as Java lines, to paste into a regression test. */
    public String describe() {
        StringBuilder text = new StringBuilder("seed " + seed + ", " + rules + ", " + scans.size() + " scans:\n");
        for (Stored s : scans) {
            ScanEvent e = s.event();
            text.append("  ").append(e.direction() == io.checkin.code.Direction.IN ? "in" : "out").append("(\"")
                    .append(e.userSub()).append("\", \"").append(e.venueId()).append("\", \"").append(e.time())
                    .append("\"),").append(s.withClientAt() ? " // stored " + s.storedAt() : "").append('\n');
        }
        return text.toString();
    }
}
