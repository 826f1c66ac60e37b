package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.StoreCounts;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A venue manager whose answer was lost sends the request again: with the same {@code requestId} it gets what the
 * first attempt did (the venue it registered, the codes it issued) and nothing happens twice.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class RetriedRequestsTest {

    private static final String MANAGER = "manager-retry";

    @Inject
    StoreCollections collections;

    private static Map<String, Object> withId(Map<String, Object> body, String requestId) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("requestId", requestId);
        return copy;
    }

    private static String register(String manager, Map<String, Object> body) {
        return Api.call("register-venue", Tokens.venueManager(manager), body).statusCode(200)
                .extract().path("venue.venueId");
    }

    @Test
    void aRetriedRegistrationAnswersTheVenueTheFirstAttemptRegistered() {
        Map<String, Object> body = withId(Venues.draft("Tea house", List.of()), UUID.randomUUID().toString());
        String first = register(MANAGER, body);
        String again = StoreCounts.unchangedBy(collections, "a retried registration", () -> register(MANAGER, body));
        assertEquals(first, again);
    }

    @Test
    void theSameRequestIdFromAnotherManagerIsTheirOwnRequest() {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> body = withId(Venues.draft("Corner shop", List.of()), requestId);
        assertNotEquals(register(MANAGER, body), register("manager-retry-other", body));
    }

    @Test
    void aRequestIdUsedForAnotherVenueIsAConflictAndWritesNothing() {
        String requestId = UUID.randomUUID().toString();
        register(MANAGER, withId(Venues.draft("Bookshop", List.of()), requestId));
        StoreCounts.unchangedBy(collections, "a reused request id", () -> Api.problem(Api.call("register-venue",
                Tokens.venueManager(MANAGER), withId(Venues.draft("Barber", List.of()), requestId)), 409,
                "request-id-reused", "requestId"));
    }

    @Test
    void aRequestIdThatIsNotAUuidIsRefused() {
        StoreCounts.unchangedBy(collections, "a malformed request id", () -> Api.problem(Api.call("register-venue",
                Tokens.venueManager(MANAGER), withId(Venues.draft("Bakery", List.of()), "retry-1")), 400,
                "invalid-field", "requestId"));
    }

    @Test
    void aRetriedBulkRegistrationAnswersTheSameVenuesInOrder() {
        Map<String, Object> body = Map.of("venues", List.of(Venues.draft("Stall 1"), Venues.draft("Stall 2"),
                Venues.draft("Stall 3")), "requestId", UUID.randomUUID().toString());
        List<String> first = Api.call("register-venues", Tokens.venueManager(MANAGER), body).statusCode(200)
                .extract().path("venues.venue.venueId");
        List<String> again = StoreCounts.unchangedBy(collections, "a retried bulk registration", () -> Api.call(
                "register-venues", Tokens.venueManager(MANAGER), body).statusCode(200).body("registered", equalTo(3))
                .extract().path("venues.venue.venueId"));
        assertEquals(first, again);
    }

    @Test
    void aRetriedReissueRevokesOnceAndANewRequestRevokesAgain() {
        String venueId = Venues.registered(MANAGER, "Gallery");
        Map<String, Object> reissue = withId(Venues.venue(venueId), UUID.randomUUID().toString());
        String token = Api.call("reissue-codes", Tokens.venueManager(MANAGER), reissue).statusCode(200)
                .body("venue.codeVersion", equalTo(2)).extract().path("entry.token");
        String retried = Api.call("reissue-codes", Tokens.venueManager(MANAGER), reissue).statusCode(200)
                .body("venue.codeVersion", equalTo(2)).extract().path("entry.token");
        assertEquals(token.split("\\.")[1], retried.split("\\.")[1], "the same code: same venue, direction, version");
        Api.call("reissue-codes", Tokens.venueManager(MANAGER), withId(Venues.venue(venueId),
                UUID.randomUUID().toString())).statusCode(200).body("venue.codeVersion", equalTo(3));
    }

    @Test
    void aRetriedReissueOfSomeoneElsesVenueIsStillForbidden() {
        String venueId = Venues.registered(MANAGER, "Studio");
        Api.problem(Api.call("reissue-codes", Tokens.venueManager("manager-retry-other"),
                withId(Venues.venue(venueId), UUID.randomUUID().toString())), 403, "not-venue-owner", null);
    }
}
