package io.checkin.local;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Across the functions, over HTTP only: a manager registers two venues, people scan in and out (offline,
 * with the times they scanned), and an official gets exactly the expected contacts of one of them.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class ContactTracingFlowTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void theContactsOfACaseAreExactlyThoseWhoSharedAVenueLongEnough() {
        Map<String, String> cafe = register("Flow café");
        Map<String, String> gym = register("Flow gym");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String patient = "patient-" + run, anna = "anna-" + run, ben = "ben-" + run, cara = "cara-" + run,
                dan = "dan-" + run;

        stay(patient, cafe, 0, 60);
        stay(anna, cafe, 30, 90); // 30 min with the patient
        stay(ben, cafe, 50, 55); // 5 min: too short
        stay(cara, gym, 0, 60); // another venue
        stay(patient, gym, 120, 180);
        stay(cara, gym, 150, 240); // 30 min with the patient at the gym
        stay(anna, gym, 100, 200); // 60 min more for anna
        scan("scan-in", dan, cafe, 20); // entered, never scanned out: auto check-out after 4 h -> 40 min overlap

        JsonPath contacts = Api.call("contacts", Tokens.healthOfficial("officer"),
                Map.of("subject", patient, "from", T0.minus(Duration.ofHours(1)).toString(), "to", T0.plus(Duration.ofHours(6)).toString()))
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(anna, dan, cara), contacts.getList("contacts.userSub"));
        assertEquals(List.of(90, 40, 30), contacts.getList("contacts.totalOverlapMinutes"));
        assertEquals(List.of(gym.get("id"), cafe.get("id")), contacts.getList("contacts[0].venues.venueId"));

        Api.call("my-visits", Tokens.citizen(dan), Map.of()).statusCode(200)
                .body("visits[0].endSource", equalTo("auto-checkout")).body("visits[0].minutes", equalTo(240));
    }

    private static Map<String, String> register(String name) {
        JsonPath venue = Api.call("register-venue", Tokens.venueManager("flow-manager"),
                Map.of("name", name, "address", "1 Flow Street", "region", "flow", "formats", List.of()))
                .statusCode(200).extract().jsonPath();
        return Map.of("id", venue.getString("venue.venueId"), "IN", venue.getString("entry.url"), "OUT",
                venue.getString("exit.url"));
    }

    private static void stay(String user, Map<String, String> venue, int fromMinute, int toMinute) {
        scan("scan-in", user, venue, fromMinute);
        scan("scan-out", user, venue, toMinute);
    }

    private static void scan(String function, String user, Map<String, String> venue, int minute) {
        String code = venue.get(function.equals("scan-in") ? "IN" : "OUT");
        Api.call(function, Tokens.citizen(user), Map.of("code", code, "scanId", UUID.randomUUID().toString(), "clientAt",
                T0.plus(Duration.ofMinutes(minute)).toString())).statusCode(200).body("status", equalTo("recorded"));
    }
}
