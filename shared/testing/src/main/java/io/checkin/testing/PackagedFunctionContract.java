package io.checkin.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/** What every packaged function answers, whatever it does: each function's integration test implements it. */
public interface PackagedFunctionContract {

    /**
     * The longest a packaged function may take from its start to ready: a scan function warms up first, and its
     * readiness turns UP at the latest when checkin.warmup.budget (30 s by default) is spent.
     */
    Duration READY_WITHIN = Duration.ofSeconds(30);

    @Test
    default void isReadyAndAnswersItsHealthChecks() {
        assertTrue(Poll.until(() -> RestAssured.get("/q/health/ready").statusCode() == 200, READY_WITHIN),
                "ready within " + READY_WITHIN);
        RestAssured.get("/q/health/live").then().statusCode(200);
    }
}
