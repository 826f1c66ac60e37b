package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.QrImages;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class RegisterVenueTest {

    @Inject
    StoreCollections collections;

    @Inject
    CodeVerifier verifier;

    @Test
    void registersTheVenueForTheCallerAndReturnsBothCodesInEveryFormat() {
        Map<String, Object> body = Venues.draft("Harbour Café ☕");
        body.put("capacity", 40);
        JsonPath json = Api.call("register-venue", Tokens.venueManager("manager-reg"), body).statusCode(200)
                .body("venue.status", equalTo("active")).body("venue.codeVersion", equalTo(1))
                .body("venue.capacity", equalTo(40))
                .body("entry.direction", equalTo("IN")).body("exit.direction", equalTo("OUT"))
                .body("entry.url", startsWith(StoreTestResource.PUBLIC_BASE_URL + "/c/"))
                .extract().jsonPath();
        String venueId = json.getString("venue.venueId");

        for (String side : List.of("entry", "exit")) {
            String url = json.getString(side + ".url");
            assertEquals(url, QrImages.decodePng(json.getString(side + ".png")), side + " PNG");
            assertEquals(url, StoreTestResource.PUBLIC_BASE_URL + "/c/" + json.getString(side + ".token"));
            org.junit.jupiter.api.Assertions.assertTrue(json.getString(side + ".svg").startsWith("<svg"));
            org.junit.jupiter.api.Assertions.assertTrue(json.getString(side + ".poster").contains("Harbour Café ☕"));
        }
        assertEquals(new VenueCode(venueId, Direction.IN, 1, "Harbour Café ☕"), verifier.verify(json.getString("entry.url")));
        assertEquals(new VenueCode(venueId, Direction.OUT, 1, "Harbour Café ☕"), verifier.verify(json.getString("exit.token")));

        Document stored = collections.venues().find(new Document("_id", venueId)).first();
        assertEquals("manager-reg", stored.getString("ownerSub"));
        assertEquals("active", stored.getString("status"));
        assertEquals(1, stored.getInteger("codeVersion"));
        assertEquals(40, stored.getInteger("capacity"));
    }

    @Test
    void returnsOnlyTheFormatsAskedFor() {
        Api.call("register-venue", Tokens.venueManager("manager-reg"), Venues.draft("Gym", List.of("svg")))
                .statusCode(200)
                .body("entry.svg", startsWith("<svg")).body("entry.png", nullValue()).body("entry.poster", nullValue())
                .body("exit.token", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void trimsTheFields() {
        Map<String, Object> body = Venues.draft("  Library  ", List.of());
        body.put("region", " south ");
        Api.call("register-venue", Tokens.venueManager("manager-reg"), body).statusCode(200)
                .body("venue.name", equalTo("Library")).body("venue.region", equalTo("south"));
    }
}
