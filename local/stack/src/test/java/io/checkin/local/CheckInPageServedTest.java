package io.checkin.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.restassured.RestAssured;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The local stack serves the check-in page at every code's address to anyone, with the files it loads, while the
 * functions beside it still want a token; its development sign-in hands out citizen tokens the functions accept.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class CheckInPageServedTest {

    @Test
    void aCodesAddressIsThePageWithoutAToken() {
        given().get("/c/x").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("/checkin-page/app.js"));
    }

    @Test
    void theVisitsPageIsThePageWithoutATokenWhileMyVisitsWantsOne() {
        given().get("/visits").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("/checkin-page/app.js"));
        Api.problem(Api.call("my-visits", null, Map.of()), 401, "unauthorized", null);
    }

    @Test
    void thePagesFilesAndSettingsLoadWithoutAToken() {
        // every file is checked by the page module's CheckInPageTest; here, that the functions' gate lets them by
        given().get("/checkin-page/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/checkin-page/settings.json").then().statusCode(200).body("signIn.kind", equalTo("development"))
                .body("functions.scanIn", equalTo(""));
    }

    @Test
    void aBrowserLoadsThePageFromTheFunctionsOwnOrigin() {
        // a browser sends Origin with a module script's load: the functions' CORS must let their own origin by
        String own = "http://localhost:" + RestAssured.port;
        for (String path : new String[] { "/c/x", "/checkin-page/app.js", "/checkin-page/settings.json" }) {
            given().header("Origin", own).get(path).then().statusCode(200);
        }
    }

    @Test
    void theFunctionsStillAnswer401WithoutAToken() {
        for (String function : new String[] { "scan-in", "scan-out", "register-venue", "my-visits" }) {
            Api.problem(Api.call(function, null, Map.of()), 401, "unauthorized", null);
        }
    }

    @Test
    void aPathBesideThePageIsNotOpened() {
        Api.problem(Api.request(null).get("/cx").then(), 401, "unauthorized", null);
    }

    @Test
    void signingInGivesACitizenTokenTheScanFunctionsAccept() {
        String token = given().contentType("application/json").body(Map.of("name", "Lin Wei")).post("/dev/sign-in")
                .then().statusCode(200).body("subject", equalTo("Lin Wei")).extract().path("token");
        // accepted: the body is refused for what it lacks, not the caller for who they are
        Api.problem(Api.call("scan-in", token, Map.of("scanId", UUID.randomUUID().toString())), 400, "missing-field", "code");
    }

    @Test
    void signingInWithoutANameIsRefused() {
        Api.problem(given().contentType("application/json").body(Map.of("name", " ")).post("/dev/sign-in").then(),
                400, "invalid-field", "name");
        Api.problem(given().contentType("application/json").body("{").post("/dev/sign-in").then(),
                400, "malformed-json", null);
    }
}
