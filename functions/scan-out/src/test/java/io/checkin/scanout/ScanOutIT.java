package io.checkin.scanout;

import io.checkin.code.Direction;
import io.checkin.testing.PackagedScanContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged scan-out function (target/quarkus-app, or the native executable with -Pnative), run as deployed. */
@QuarkusIntegrationTest
@QuarkusTestResource(StoreTestResource.class)
class ScanOutIT extends PackagedScanContract {

    @Override
    protected Direction direction() {
        return Direction.OUT;
    }
}
