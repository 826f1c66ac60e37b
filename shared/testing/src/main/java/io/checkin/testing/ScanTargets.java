package io.checkin.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.checkin.auth.Roles;
import io.checkin.code.Direction;

/**
 * A scan function for the hostile-input contracts, attacked through its code field. Each listing uses a new
 * subject, so the one valid scan a contract records never adds up toward a per-person limit.
 */
public abstract class ScanTargets implements HostileTargets {

    @Inject
    TestVenues testVenues;

    protected abstract Direction direction();

    @Override
    public List<HostileTarget> all() {
        TestVenues.Created venue = testVenues.create("Hostile venue");
        String function = direction() == Direction.IN ? "scan-in" : "scan-out";
        return List.of(new HostileTarget(function, Roles.CITIZEN, "hostile-" + UUID.randomUUID(), "code",
                venue.code(direction()), code -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("code", code);
                    body.put("scanId", UUID.randomUUID().toString());
                    return body;
                }));
    }
}
