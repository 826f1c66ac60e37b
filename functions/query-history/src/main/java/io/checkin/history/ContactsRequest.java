package io.checkin.history;

import java.time.Instant;

/**
 * The contacts of a case: everyone whose visit overlapped one of the case's visits in [from, to] at the
 * same venue by at least {@code minOverlapMinutes} (default 15). {@code format}: json (default) or csv.
 */
public record ContactsRequest(String subject, Instant from, Instant to, Integer minOverlapMinutes, String format) {
}
