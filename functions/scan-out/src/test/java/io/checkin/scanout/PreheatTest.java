package io.checkin.scanout;

import io.checkin.testing.PreheatContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class PreheatTest extends PreheatContract {

    @Override
    protected String function() {
        return "scan-out";
    }
}
