package io.checkin.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.checkin.testing.Api;
import io.checkin.testing.Tokens;

/** Request bodies and shortcuts for the generate-code tests. */
final class Venues {

    private Venues() {
    }

    static Map<String, Object> draft(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("address", "12 Harbour Road");
        body.put("region", "north");
        return body;
    }

    static Map<String, Object> draft(String name, List<String> formats) {
        Map<String, Object> body = draft(name);
        body.put("formats", formats);
        return body;
    }

    /** Registers a venue (token and URL only) for the manager and returns its id. */
    static String registered(String manager, String name) {
        return Api.call("register-venue", Tokens.venueManager(manager), draft(name, List.of())).statusCode(200)
                .extract().path("venue.venueId");
    }

    static Map<String, Object> venue(String venueId) {
        return Map.of("venueId", venueId, "formats", List.of());
    }
}
