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
    void disclosuresAreKeptForTheirOwnRetentionAndFoundByOfficial() {
        setup(Duration.ofDays(28)).ensure();
        var indexes = store.client().getDatabase("checkin").getCollection("disclosures").listIndexes()
                .into(new ArrayList<>());
        Document ttl = indexes.stream().filter(i -> IndexSetup.DISCLOSURE_TTL_INDEX.equals(i.getString("name")))
                .findFirst().orElseThrow();
        assertEquals(Duration.ofDays(730).toSeconds(), ((Number) ttl.get("expireAfterSeconds")).longValue());
        assertEquals(1, indexes.stream().filter(i -> "disclosures_official_at".equals(i.getString("name"))).count());
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
