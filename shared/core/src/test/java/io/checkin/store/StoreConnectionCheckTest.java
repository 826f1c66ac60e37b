package io.checkin.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class StoreConnectionCheckTest {

    @Test
    void startingWithoutAStoreFailsWithAMessageThatSaysWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StoreConnectionCheck.check(config(Map.of())));
        assertTrue(e.getMessage().contains("QUARKUS_MONGODB_CONNECTION_STRING"), e.getMessage());
    }

    @Test
    void aBlankConnectionStringIsNoStore() {
        assertThrows(IllegalStateException.class,
                () -> StoreConnectionCheck.check(config(Map.of(StoreConnectionCheck.CONNECTION_STRING, " "))));
    }

    @Test
    void aConnectionStringOrHostsIsEnough() {
        assertDoesNotThrow(() -> StoreConnectionCheck
                .check(config(Map.of(StoreConnectionCheck.CONNECTION_STRING, "mongodb://db:27017"))));
        assertDoesNotThrow(() -> StoreConnectionCheck.check(config(Map.of(StoreConnectionCheck.HOSTS, "db:27017"))));
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
