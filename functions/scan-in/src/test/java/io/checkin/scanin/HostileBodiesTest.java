package io.checkin.scanin;

import io.checkin.testing.HostileBodyContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class HostileBodiesTest extends HostileBodyContract {
}
