package io.checkin.testing;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/** What every packaged function answers, whatever it does: each function's integration test implements it. */
public interface PackagedFunctionContract {

    @Test
    default void isReadyAndAnswersItsHealthChecks() {
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/health/live").then().statusCode(200);
    }
}
