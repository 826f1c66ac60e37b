package io.checkin.testing;

import static io.restassured.RestAssured.given;

import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls a function the way a client does: POST /{function}, a JSON body, a bearer token. */
public final class Api {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .logConfig(LogConfig.logConfig().enablePrettyPrinting(false));

    private Api() {
    }

    public static ValidatableResponse call(String function, String token, Object body) {
        return request(token).body(body).post("/" + function).then();
    }

    /** Logged as sent when a check fails: pretty-printing 100,000 nested arrays would exhaust the heap. */
    public static ValidatableResponse callRaw(String function, String token, String rawBody) {
        return request(token).config(RAW).body(rawBody).post("/" + function).then();
    }

    /** A body as bytes, for what a String cannot carry (bytes that are not UTF-8). */
    public static ValidatableResponse callBytes(String function, String token, byte[] body) {
        return request(token).config(RAW).body(body).post("/" + function).then();
    }

    public static RequestSpecification request(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** Asserts a problem document with the status and, when given, the stable code and the offending field. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status));
        if (code != null) {
            response.body("code", org.hamcrest.Matchers.equalTo(code));
        }
        if (field != null) {
            response.body("field", org.hamcrest.Matchers.equalTo(field));
        }
        return response;
    }
}
