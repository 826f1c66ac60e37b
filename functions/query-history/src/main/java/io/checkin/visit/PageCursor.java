package io.checkin.visit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;

import io.checkin.error.ProblemException;

/**
 * Where a page ended, opaque to clients: the sort key of its last visit and the window it belongs to.
 * Visits are derived anew for each page, and every page continues strictly after the cursor's visit, so
 * pages never repeat or skip a visit while the window's scans do not change. The key is the whole visit:
 * one person can have two visits at one venue that start at the same instant (an entry ended by a scan
 * elsewhere, and an exit without its entry assumed to start then), and a key without their ends would let
 * a page boundary between them skip one.
 */
record PageCursor(long startMillis, String venueId, String userSub, long endMillis, String startSource,
        String endSource, long fromMillis, long toMillis) {

    /** Far above what {@link #encode()} makes, even for a long subject; a longer text is not a cursor. */
    static final int MAX_LENGTH = 2048;

    /** Newest first; ties by venue, person, latest end and how the ends are known, so the order is total. */
    static final Comparator<Visit> ORDER = Comparator.comparing(Visit::start).reversed()
            .thenComparing(Visit::venueId).thenComparing(Visit::userSub)
            .thenComparing(Comparator.comparing(Visit::end).reversed())
            .thenComparing(Visit::startSource).thenComparing(Visit::endSource);

    static PageCursor after(Visit visit, Window window) {
        return new PageCursor(visit.start().toEpochMilli(), visit.venueId(), visit.userSub(), visit.end().toEpochMilli(),
                visit.startSource(), visit.endSource(), window.from().toEpochMilli(), window.to().toEpochMilli());
    }

    String encode() {
        String raw = String.join("\n", String.valueOf(startMillis), venueId, userSub, String.valueOf(endMillis),
                startSource, endSource, String.valueOf(fromMillis), String.valueOf(toMillis));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 8) {
                throw invalid();
            }
            return new PageCursor(Long.parseLong(parts[0]), parts[1], parts[2], Long.parseLong(parts[3]), parts[4],
                    parts[5], Long.parseLong(parts[6]), Long.parseLong(parts[7]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** The window the cursor's query had; a query that names its window must name the same one. */
    Window window(Instant from, Instant to) {
        Window own = new Window(Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis));
        if ((from != null && !from.equals(own.from())) || (to != null && !to.equals(own.to()))) {
            throw invalid();
        }
        return own;
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid-field", "cursor",
                "cursor is not a cursor of this query; repeat the query with the same from and to");
    }

    /** Whether the visit comes after this cursor's visit in {@link #ORDER}. */
    boolean isBefore(Visit visit) {
        Visit mark = new Visit(userSub, venueId, Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis),
                startSource, endSource);
        return ORDER.compare(mark, visit) < 0;
    }
}
