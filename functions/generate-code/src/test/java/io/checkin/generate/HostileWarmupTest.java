package io.checkin.generate;

import io.checkin.testing.HostileWarmupContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class HostileWarmupTest extends HostileWarmupContract {
}
