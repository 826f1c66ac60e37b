package io.checkin.generate;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Nothing operational is readable anonymously through the function's public route: the metrics and the full health
 * report are the operator role's; the kubelet's probes stay open.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class OperationalEndpointsTest {

    @Test
    void theMetricsAreTheOperatorsOnly() {
        RestAssured.get("/q/metrics").then().statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.citizen("curious")).get("/q/metrics").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.forRoles("ops", "operator")).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes")); // present from the start, whatever ran before
    }

    @Test
    void theFullHealthReportIsTheOperatorsOnly() {
        for (String path : new String[] { "/q/health", "/q/health/well" }) {
            RestAssured.get(path).then().statusCode(401);
            RestAssured.given().auth().oauth2(Tokens.venueManager("curious")).get(path).then().statusCode(403);
            RestAssured.given().auth().oauth2(Tokens.forRoles("ops", "operator")).get(path).then().statusCode(200)
                    .body(containsString("store"));
        }
    }

    @Test
    void theKubeletsProbesNeedNoToken() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }
}
