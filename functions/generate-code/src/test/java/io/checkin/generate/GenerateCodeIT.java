package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.InjectTestSetup;
import io.checkin.testing.PackagedFunctionContract;
import io.checkin.testing.QrImages;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * The packaged generate-code function (target/quarkus-app, or the native executable with -Pnative), run as
 * deployed and checked from outside: over HTTP, the store through the test's own client. What the JVM tests cannot
 * see: that the package holds everything registration needs at run time (the QR renderer, its fonts and resources,
 * the signing key's parser), which a native image leaves out unless registered.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(StoreTestResource.class)
class GenerateCodeIT implements PackagedFunctionContract {

    @InjectTestSetup
    TestSetup setup;

    @Test
    void registersAVenueWithSignedCodesInEveryFormat() {
        String manager = setup.token("packaged-manager", "venue-manager");
        JsonPath json = Api.call("register-venue", manager, Venues.draft("Packaged Café ☕")).statusCode(200)
                .body("venue.status", equalTo("active")).extract().jsonPath();
        String venueId = json.getString("venue.venueId");
        for (String side : List.of("entry", "exit")) {
            String url = json.getString(side + ".url");
            assertEquals(url, QrImages.decodePng(json.getString(side + ".png")), side + " PNG");
            assertEquals(true, json.getString(side + ".svg").startsWith("<svg"), side + " SVG");
            assertEquals(true, json.getString(side + ".poster").contains("Packaged Café ☕"), side + " poster");
        }
        assertEquals(new VenueCode(venueId, Direction.IN, 1, "Packaged Café ☕"),
                setup.codeVerifier().verify(json.getString("entry.url")));
        assertEquals(new VenueCode(venueId, Direction.OUT, 1, "Packaged Café ☕"),
                setup.codeVerifier().verify(json.getString("exit.token")));
        Document stored = setup.collection(StoreCollections.VENUES).find(new Document("_id", venueId)).first();
        assertEquals("packaged-manager", stored.getString("ownerSub"));

        String again = Api.call("venue-codes", manager, Map.of("venueId", venueId, "formats", List.of("png")))
                .statusCode(200).extract().path("entry.url"); // signed anew: ECDSA signatures differ, the code does not
        assertEquals(setup.codeVerifier().verify(json.getString("entry.url")), setup.codeVerifier().verify(again));
    }

    @Test
    void refusesABadDraftAndStoresNothing() {
        long before = setup.collection(StoreCollections.VENUES).countDocuments();
        Map<String, Object> draft = Venues.draft(" ");
        Api.problem(Api.call("register-venue", setup.token("packaged-manager", "venue-manager"), draft), 400, null,
                "name");
        assertEquals(before, setup.collection(StoreCollections.VENUES).countDocuments());
    }

    @Test
    void answersNothingWithoutATokenOrForAnotherRole() {
        Api.problem(Api.call("register-venue", null, Venues.draft("No token")), 401, null, null);
        Api.problem(Api.call("register-venue", setup.token("packaged-citizen", "citizen"), Venues.draft("Citizen")), 403,
                null, null);
    }
}
