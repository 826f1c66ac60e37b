package io.checkin.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.auth.Roles;
import io.checkin.testing.HostileTarget;
import io.checkin.testing.HostileTargets;
import io.checkin.testing.TestVenues;

/** The generate-code functions for the hostile-input contracts; formats stay empty to keep answers small. */
@ApplicationScoped
class GenerateCodeTargets implements HostileTargets {

    static final String MANAGER = "hostile-manager";

    @Inject
    TestVenues testVenues;

    @Override
    public List<HostileTarget> all() {
        return List.of(
                target("register-venue", "name", "The Hostile Arms", GenerateCodeTargets::draft),
                target("register-venues", "venues[0].name", "The Hostile Arms",
                        name -> Map.of("venues", List.of(draft(name)), "formats", List.of())),
                byVenueId("reissue-codes"), byVenueId("venue-codes"), byVenueId("suspend-venue"),
                byVenueId("reactivate-venue"));
    }

    private HostileTarget byVenueId(String function) {
        String venueId = testVenues.create("Owned by " + MANAGER, MANAGER).venueId();
        return target(function, "venueId", venueId, id -> {
            Map<String, Object> body = new HashMap<>();
            body.put("venueId", id);
            body.put("formats", List.of());
            return body;
        });
    }

    private static HostileTarget target(String function, String textField, String validText,
            java.util.function.Function<Object, Map<String, Object>> bodyWith) {
        return new HostileTarget(function, Roles.VENUE_MANAGER, MANAGER, textField, validText, bodyWith);
    }

    private static Map<String, Object> draft(Object name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("address", "1 Hostile Street");
        body.put("region", "north");
        body.put("formats", List.of());
        return body;
    }
}
