package io.checkin.history;

import java.time.Instant;

/** The caller's own visits in [from, to] (default: the last 14 days), {@code limit} per page (≤ 200). */
public record MyVisitsRequest(Instant from, Instant to, Integer limit, String cursor) {
}
