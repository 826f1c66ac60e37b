package io.checkin.scanout;

import io.checkin.code.Direction;
import io.checkin.testing.HostileCodeContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class ScanOutCodesTest extends HostileCodeContract {

    @Override
    protected Direction direction() {
        return Direction.OUT;
    }
}
