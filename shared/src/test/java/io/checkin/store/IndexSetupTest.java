package io.checkin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


class IndexSetupTest {

    @RegisterExtension
    final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

    @Test
    void ensuringTwiceChangesNothing() {
        IndexSetup setup = setup(Duration.ofDays(28));
        setup.ensure();
        setup.ensure();
        assertEquals(4, store.client().getDatabase("checkin").getCollection("scans").listIndexes().into(new ArrayList<>()).size());
        assertEquals(Duration.ofDays(28).toSeconds(), ttlSeconds());
    }

    @Test
    void aChangedRetentionChangesTheTtlIndexInPlace() {
        setup(Duration.ofDays(28)).ensure();
        setup(Duration.ofDays(7)).ensure();
        assertEquals(Duration.ofDays(7).toSeconds(), ttlSeconds());
    }

    private long ttlSeconds() {
        Document ttl = store.client().getDatabase("checkin").getCollection("scans").listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> IndexSetup.SCAN_TTL_INDEX.equals(index.getString("name"))).findFirst().orElseThrow();
        return ((Number) ttl.get("expireAfterSeconds")).longValue();
    }

    private IndexSetup setup(Duration retention) {
        StoreConfig config = new TestStoreConfig(retention);
        IndexSetup setup = new IndexSetup();
        setup.collections = store.collections(config);
        setup.config = config;
        return setup;
    }
}
