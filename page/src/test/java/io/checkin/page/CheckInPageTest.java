package io.checkin.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The page as its own application: every code's address is the page, its settings tell the script where the
 * identity provider and the functions are, and its security policy lets it connect to those origins and no others.
 */
@QuarkusTest
class CheckInPageTest {

    @Test
    void aCodesAddressIsThePage() {
        given().get("/c/any-token").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("/checkin-page/app.js"));
    }

    @Test
    void theIdentityProviderSendsThePersonBackToThePageUnderTheSamePolicy() {
        given().get("/checkin-page/signed-in?code=abc&state=xyz").then().statusCode(200)
                .contentType(startsWith("text/html")).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("connect-src 'self' https://id.example.org "))
                .body(containsString("/checkin-page/app.js"));
    }

    @Test
    void thePageMayConnectToItsOriginTheFunctionsAndTheIdentityProviderOnly() {
        given().get("/c/x").then().header("Content-Security-Policy", containsString(
                "connect-src 'self' https://id.example.org https://scan-in.example.org https://scan-out.example.org "
                        + "https://query-history.example.org:8443;"));
    }

    @Test
    void theSettingsNameTheIdentityProviderAndTheFunctionsOrigins() {
        given().get("/checkin-page/settings.json").then().statusCode(200).contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("signIn.kind", equalTo("openid-connect"))
                .body("signIn.issuer", equalTo("https://id.example.org/realms/checkin"))
                .body("signIn.clientId", equalTo("checkin-page"))
                .body("signIn.scope", equalTo("openid"))
                .body("signIn.redirectPath", equalTo("/checkin-page/signed-in"))
                .body("functions.scanIn", equalTo("https://scan-in.example.org"))
                .body("functions.scanOut", equalTo("https://scan-out.example.org"))
                .body("functions.queryHistory", equalTo("https://query-history.example.org:8443"));
    }

    @Test
    void thePagesFilesAreServed() {
        for (String file : new String[] { "app.js", "code.js", "scan.js", "screens.js", "messages.js", "sign-in.js",
            "settings.js", "openid-connect.js", "vendor/oauth4webapi-3.8.8/index.js" }) {
            given().get("/checkin-page/" + file).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/checkin-page/checkin.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void thereIsNoDevelopmentSignIn() {
        given().contentType("application/json").body("{\"name\":\"x\"}").post("/dev/sign-in").then()
                .statusCode(oneOf(404, 405)).body(not(containsString("token")));
    }
}
