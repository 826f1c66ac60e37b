package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Valid tokens with the wrong role, or for someone else's venue, get 403 and change nothing. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class AuthorizationTest {

    private static final String OWNER = "manager-owner";
    private static final String OTHER = "manager-other";

    @Test
    void aCitizenCannotRegisterVenues() {
        Api.problem(Api.call("register-venue", Tokens.citizen("c1"), Venues.draft("Mine now")), 403, "forbidden", null);
    }

    @Test
    void aHealthOfficialCannotRegisterVenues() {
        Api.problem(Api.call("register-venues", Tokens.healthOfficial("h1"), Venues.draft("Mine now")), 403, "forbidden",
                null);
    }

    @Test
    void anotherManagerCannotReissueTheCodes() {
        forbiddenForOther("reissue-codes");
    }

    @Test
    void anotherManagerCannotReadTheCodes() {
        forbiddenForOther("venue-codes");
    }

    @Test
    void anotherManagerCannotSuspendTheVenue() {
        forbiddenForOther("suspend-venue");
    }

    @Test
    void anotherManagerCannotReactivateTheVenue() {
        forbiddenForOther("reactivate-venue");
    }

    private static void forbiddenForOther(String function) {
        String venueId = Venues.registered(OWNER, "Owned venue");
        Api.problem(Api.call(function, Tokens.venueManager(OTHER), Venues.venue(venueId)), 403, "not-venue-owner", null);
        Api.call("venue-codes", Tokens.venueManager(OWNER), Venues.venue(venueId)).statusCode(200)
                .body("venue.codeVersion", equalTo(1)).body("venue.status", equalTo("active"));
    }
}
