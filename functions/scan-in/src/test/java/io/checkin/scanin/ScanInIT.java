package io.checkin.scanin;

import io.checkin.code.Direction;
import io.checkin.testing.PackagedScanContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged scan-in function (target/quarkus-app, or the native executable with -Pnative), run as deployed. */
@QuarkusIntegrationTest
@QuarkusTestResource(StoreTestResource.class)
class ScanInIT extends PackagedScanContract {

    @Override
    protected Direction direction() {
        return Direction.IN;
    }
}
