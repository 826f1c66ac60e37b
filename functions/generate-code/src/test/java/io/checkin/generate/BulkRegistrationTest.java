package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeVerifier;
import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class BulkRegistrationTest {

    private static final String MANAGER = "manager-bulk";

    @Inject
    StoreCollections collections;

    @Inject
    CodeVerifier verifier;

    @Test
    void registersAThousandVenuesInOneRequest() {
        long before = owned();
        JsonPath json = Api.call("register-venues", Tokens.venueManager(MANAGER), Map.of("venues", drafts(1000)))
                .statusCode(200).body("registered", equalTo(1000)).body("venues[0].entry.svg", nullValue())
                .extract().jsonPath();
        assertEquals(before + 1000, owned());
        List<String> ids = json.getList("venues.venue.venueId");
        assertEquals(1000, new HashSet<>(ids).size());
        assertEquals("Venue 999", json.getString("venues[999].venue.name"));
        for (int i = 0; i < 1000; i += 97) {
            assertEquals(ids.get(i), verifier.verify(json.getString("venues[" + i + "].exit.url")).venueId());
        }
    }

    @Test
    void refusesMoreThanAThousandAndWritesNothing() {
        long before = owned();
        Api.problem(Api.call("register-venues", Tokens.venueManager(MANAGER), Map.of("venues", drafts(1001))), 400,
                "out-of-range", "venues");
        assertEquals(before, owned());
    }

    @Test
    void oneInvalidVenueRejectsTheWholeRequestAndNamesIt() {
        long before = owned();
        List<Map<String, Object>> drafts = drafts(600);
        drafts.get(517).put("region", "");
        Api.problem(Api.call("register-venues", Tokens.venueManager(MANAGER), Map.of("venues", drafts)), 400,
                "blank-field", "venues[517].region");
        assertEquals(before, owned());
    }

    @Test
    void aThousandVenuesWithEveryImageWouldRenderMoreThanAnAnswerCarriesAndNothingIsWritten() {
        long before = owned();
        var refusal = Api.problem(Api.call("register-venues", Tokens.venueManager(MANAGER),
                Map.of("venues", drafts(1000), "formats", List.of("svg", "png", "poster"))), 422, "render-limit", "formats");
        refusal.body("detail", org.hamcrest.Matchers.containsString("checkin.generate.render-memory"));
        assertEquals(before, owned());
    }

    @Test
    void venuesWhoseImagesFitOneAnswerGetThem() {
        JsonPath json = Api.call("register-venues", Tokens.venueManager(MANAGER),
                Map.of("venues", drafts(20), "formats", List.of("svg", "png", "poster"))).statusCode(200)
                .extract().jsonPath();
        assertEquals(20, json.getList("venues.exit.poster").stream().filter(p -> p != null).count());
    }

    @Test
    void anEmptyListIsRefused() {
        Api.problem(Api.call("register-venues", Tokens.venueManager(MANAGER), Map.of("venues", List.of())), 400,
                "out-of-range", "venues");
    }

    private long owned() {
        return collections.venues().countDocuments(new Document("ownerSub", MANAGER));
    }

    private static List<Map<String, Object>> drafts(int count) {
        List<Map<String, Object>> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drafts.add(Venues.draft("Venue " + i));
        }
        return drafts;
    }
}
