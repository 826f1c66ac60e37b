package io.checkin.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The page as its own application: every code's address is the page, its settings tell the script where the
 * identity provider and the functions are, and its security policy lets it connect to those origins and no others.
 */
@QuarkusTest
class CheckInPageTest {

    @Test
    void aCodesAddressTheVisitsAndTheProvidersWayBackAreThePageUnderOnePolicy() {
        // the identity provider sends the person back to the page (PageSettings.SIGNED_IN_PATH) with its answer
        for (String address : new String[] { "/c/any-token", "/visits", "/checkin-page/signed-in?code=abc&state=xyz" }) {
            given().get(address).then().statusCode(200).contentType(startsWith("text/html"))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("connect-src 'self' https://id.example.org "))
                    .body(containsString("/checkin-page/app.js"));
        }
    }

    @Test
    void theServiceWorkerMayLookAfterThePagesAddressesOutsideItsFolder() {
        given().get("/checkin-page/sw.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Service-Worker-Allowed", "/")
                .body(containsString("networkFirst"));
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
    void thePagesFilesAreServed() throws IOException {
        for (String script : scripts()) {
            given().get("/checkin-page/" + script).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/checkin-page/checkin.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theServiceWorkerKeepsEveryFileThePageLoadsForOpeningWithoutAConnection() throws IOException {
        String worker = given().get("/checkin-page/sw.js").then().extract().asString();
        for (String file : scripts()) {
            if (!file.equals("sw.js")) {
                assertTrue(worker.contains("'" + file + "'"), file + " is not kept by sw.js");
            }
        }
        assertTrue(worker.contains("'checkin.css'") && worker.contains("'settings.json'"), worker);
    }

    /** The page's scripts, as its folder holds them, the vendored library's included: vendor/.../index.js. */
    private static List<String> scripts() throws IOException {
        Path folder = Path.of("src/main/resources/META-INF/resources/checkin-page");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".js")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void thereIsNoDevelopmentSignIn() {
        given().contentType("application/json").body("{\"name\":\"x\"}").post("/dev/sign-in").then()
                .statusCode(oneOf(404, 405)).body(not(containsString("token")));
    }
}
