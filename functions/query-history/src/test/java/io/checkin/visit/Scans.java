package io.checkin.visit;

import java.time.Instant;

import io.checkin.code.Direction;

/** Scan events at readable times on 2026-11-20 (UTC), for visit tests. */
final class Scans {

    static final String DAY = "2026-11-20";

    private Scans() {
    }

    static Instant at(String time) {
        return time.contains("T") ? Instant.parse(time) : Instant.parse(DAY + "T" + time + ":00Z");
    }

    static ScanEvent in(String user, String venue, String time) {
        return new ScanEvent(user, venue, Direction.IN, at(time));
    }

    static ScanEvent out(String user, String venue, String time) {
        return new ScanEvent(user, venue, Direction.OUT, at(time));
    }

    static Visit visit(String user, String venue, String start, String end, String startSource, String endSource) {
        return new Visit(user, venue, at(start), at(end), startSource, endSource);
    }
}
