package io.checkin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class IndexSetupTest {

    private EmbeddedMongo store;
    private MongoClient client;

    @BeforeEach
    void start() {
        store = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(store.connectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void ensuringTwiceChangesNothing() {
        IndexSetup setup = setup(Duration.ofDays(28));
        setup.ensure();
        setup.ensure();
        assertEquals(4, client.getDatabase("checkin").getCollection("scans").listIndexes().into(new ArrayList<>()).size());
        assertEquals(Duration.ofDays(28).toSeconds(), ttlSeconds());
    }

    @Test
    void aChangedRetentionChangesTheTtlIndexInPlace() {
        setup(Duration.ofDays(28)).ensure();
        setup(Duration.ofDays(7)).ensure();
        assertEquals(Duration.ofDays(7).toSeconds(), ttlSeconds());
    }

    private long ttlSeconds() {
        Document ttl = client.getDatabase("checkin").getCollection("scans").listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> IndexSetup.SCAN_TTL_INDEX.equals(index.getString("name"))).findFirst().orElseThrow();
        return ((Number) ttl.get("expireAfterSeconds")).longValue();
    }

    private IndexSetup setup(Duration retention) {
        StoreConfig config = new StoreConfig() {
            public String database() {
                return "checkin";
            }

            public Duration retryAfter() {
                return Duration.ofSeconds(2);
            }

            public Duration retention() {
                return retention;
            }

            public Duration indexRetryInterval() {
                return Duration.ofSeconds(10);
            }
        };
        IndexSetup setup = new IndexSetup();
        setup.collections = new StoreCollections(client, config);
        setup.config = config;
        return setup;
    }
}
