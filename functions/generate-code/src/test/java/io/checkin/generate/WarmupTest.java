package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class WarmupTest {

    @Test
    void warmupNeedsNoTokenAndTouchesTheStore() {
        Api.callRaw("warmup", null, "").statusCode(200).body("status", equalTo("warm")).body("store", equalTo(true));
    }
}
