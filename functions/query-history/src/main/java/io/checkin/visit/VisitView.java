package io.checkin.visit;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A visit as a query answers it; {@code userSub} only where the caller may see whose it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record VisitView(String userSub, String venueId, String venueName, Instant start, Instant end,
        String startSource, String endSource, long minutes) {

    static VisitView of(Visit visit, String venueName, boolean withUser) {
        return new VisitView(withUser ? visit.userSub() : null, visit.venueId(), venueName, visit.start(), visit.end(),
                visit.startSource(), visit.endSource(), Duration.between(visit.start(), visit.end()).toMinutes());
    }
}
