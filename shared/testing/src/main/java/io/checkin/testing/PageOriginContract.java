package io.checkin.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * A function the check-in page calls from its own origin (the host of {@code checkin.codes.public-base-url}, where
 * every code points) answers that origin's browser, and no other: a phone asks once per day whether it may send
 * scans, and reads every answer, refusals included. Each such function's test implements it with its path.
 */
public interface PageOriginContract {

    /** The origin of the page: the public base URL the test stack prints into every code. */
    String PAGE_ORIGIN = StoreTestResource.PUBLIC_BASE_URL;

    /** The function's path the page calls, {@code /scan-in}. */
    String pagePath();

    @Test
    default void thePagesOriginMayCallItWithABearerToken() {
        given().header("Origin", PAGE_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(pagePath()).then().statusCode(200)
                .header("Access-Control-Allow-Origin", PAGE_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Credentials", equalTo("false"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", equalTo("86400"));
    }

    @Test
    default void anotherOriginIsNotAllowed() {
        Api.problem(given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(pagePath()).then(), 403, "origin-not-allowed", null)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    default void aBrowserOnTheFunctionsOwnOriginPassesAsOnTheLocalStack() {
        Api.problem(Api.request(null).header("Origin", "http://localhost:" + RestAssured.port).body(Map.of())
                .post(pagePath()).then(), 401, "unauthorized", null);
    }

    @Test
    default void aCallFromAnotherOriginIsRefusedBeforeTheFunctionRuns() {
        // refused before the token is even looked at: no function, no security layer ran
        Api.problem(Api.request(null).header("Origin", "https://elsewhere.example").body(Map.of()).post(pagePath())
                .then(), 403, "origin-not-allowed", null).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    default void thePageCanReadARefusalAndTheWaitItNames() {
        Api.problem(Api.request(null).header("Origin", PAGE_ORIGIN).body(Map.of()).post(pagePath()).then(),
                401, "unauthorized", null)
                .header("Access-Control-Allow-Origin", PAGE_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }
}
