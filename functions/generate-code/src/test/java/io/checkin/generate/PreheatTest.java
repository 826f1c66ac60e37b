package io.checkin.generate;

import java.util.List;
import java.util.Map;

import io.checkin.auth.Roles;
import io.checkin.testing.PreheatContract;
import io.checkin.testing.StoreTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class PreheatTest extends PreheatContract {

    @Override
    protected String function() {
        return "register-venues";
    }

    @Override
    protected String role() {
        return Roles.VENUE_MANAGER;
    }

    @Override
    protected Map<String, ?> body() {
        return Map.of("formats", List.of(), "venues", List.of(Map.of("name", "Late venue", "address", "1 Late Street",
                "region", "test")));
    }
}
