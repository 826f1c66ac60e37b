package io.checkin.generate;

import static io.checkin.code.CodeRejectedException.REVOKED;
import static io.checkin.code.CodeRejectedException.VENUE_SUSPENDED;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.checkin.code.CodeChecker;
import io.checkin.code.CodeRejectedException;
import io.checkin.code.Direction;
import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class VenueLifecycleTest {

    private static final String MANAGER = "manager-life";

    @Inject
    CodeChecker checker;

    @Test
    void reissueRevokesEveryOlderCode() {
        String venueId = Venues.registered(MANAGER, "Bakery");
        String oldEntry = codes(venueId, "venue-codes").extract().path("entry.token");
        checker.check(oldEntry, Direction.IN);

        String newEntry = codes(venueId, "reissue-codes").body("venue.codeVersion", equalTo(2)).extract().path("entry.token");
        assertNotEquals(oldEntry, newEntry);
        assertRejected(REVOKED, () -> checker.check(oldEntry, Direction.IN));
        assertEquals(venueId, checker.check(newEntry, Direction.IN).venueId());
    }

    @Test
    void venueCodesReprintsTheCurrentCodesWithoutRevokingThem() {
        String venueId = Venues.registered(MANAGER, "Museum");
        String first = codes(venueId, "venue-codes").body("venue.codeVersion", equalTo(1)).extract().path("exit.token");
        codes(venueId, "venue-codes").body("venue.codeVersion", equalTo(1));
        assertEquals(venueId, checker.check(first, Direction.OUT).venueId());
    }

    @Test
    void suspensionStopsTheCodesAndReactivationRestoresThem() {
        String venueId = Venues.registered(MANAGER, "Night club");
        String exit = codes(venueId, "venue-codes").extract().path("exit.token");

        Api.call("suspend-venue", Tokens.venueManager(MANAGER), Venues.venue(venueId)).statusCode(200)
                .body("status", equalTo("suspended"));
        assertRejected(VENUE_SUSPENDED, () -> checker.check(exit, Direction.OUT));

        Api.call("reactivate-venue", Tokens.venueManager(MANAGER), Venues.venue(venueId)).statusCode(200)
                .body("status", equalTo("active"));
        assertEquals(venueId, checker.check(exit, Direction.OUT).venueId());
    }

    @Test
    void anUnknownVenueIsNotFound() {
        Api.problem(Api.call("reissue-codes", Tokens.venueManager(MANAGER), Venues.venue("AAAAAAAAAAA")), 404,
                "venue-not-found", null);
    }

    private static io.restassured.response.ValidatableResponse codes(String venueId, String function) {
        return Api.call(function, Tokens.venueManager(MANAGER), Venues.venue(venueId)).statusCode(200)
                .body("venue.venueId", equalTo(venueId));
    }

    private static void assertRejected(String code, org.junit.jupiter.api.function.Executable call) {
        assertEquals(code, assertThrows(CodeRejectedException.class, call).code());
    }
}
