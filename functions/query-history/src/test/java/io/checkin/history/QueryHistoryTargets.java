package io.checkin.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.auth.Roles;
import io.checkin.testing.HostileTarget;
import io.checkin.testing.HostileTargets;
import io.checkin.testing.TestVenues;

/** The query-history functions for the hostile-input contracts; my-visits is attacked through its cursor. */
@ApplicationScoped
class QueryHistoryTargets implements HostileTargets {

    @Inject
    TestVenues testVenues;

    @Override
    public List<HostileTarget> all() {
        return List.of(
                new HostileTarget("my-visits", Roles.CITIZEN, "hostile-citizen", "cursor", null, only("cursor")),
                new HostileTarget("venue-visitors", Roles.HEALTH_OFFICIAL, "hostile-official", "venueId",
                        testVenues.create("Hostile history venue").venueId(), only("venueId")),
                new HostileTarget("contacts", Roles.HEALTH_OFFICIAL, "hostile-official", "subject", "hostile-case",
                        only("subject")));
    }

    private static Function<Object, Map<String, Object>> only(String field) {
        return value -> {
            Map<String, Object> body = new HashMap<>();
            body.put(field, value);
            return body;
        };
    }
}
