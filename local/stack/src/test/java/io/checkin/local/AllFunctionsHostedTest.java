package io.checkin.local;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The all-in-one application serves every function module's functions, each behind its own policy. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class AllFunctionsHostedTest {

    @Test
    void hostsGenerateCode() {
        String venueId = Api.call("register-venue", Tokens.venueManager("local-manager"),
                Map.of("name", "Town hall", "address", "Square 1", "region", "centre", "formats", List.of()))
                .statusCode(200).extract().path("venue.venueId");
        Api.call("venue-codes", Tokens.venueManager("local-manager"), Map.of("venueId", venueId)).statusCode(200)
                .body("venue.name", equalTo("Town hall"));
        Api.problem(Api.call("register-venue", Tokens.citizen("local-citizen"), Map.of()), 403, "forbidden", null);
    }

    @Test
    void hostsWarmupOnce() {
        Api.callRaw("warmup", null, "").statusCode(200).body("status", equalTo("warm"));
    }
}
