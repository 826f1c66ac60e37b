package io.checkin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoCollection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;


class IndexSetupTest {

    @RegisterExtension
    final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

    @Test
    void ensuringTwiceChangesNothing() {
        IndexSetup setup = setup(Duration.ofDays(28));
        setup.ensure();
        setup.ensure();
        assertEquals(4, collection("scans").listIndexes().into(new ArrayList<>()).size());
        assertEquals(Duration.ofDays(28).toSeconds(), ttlSeconds());
    }

    @Test
    void disclosuresAreKeptForTheirOwnRetentionAndFoundByOfficial() {
        setup(Duration.ofDays(28)).ensure();
        assertEquals(Duration.ofDays(730).toSeconds(), ttlSeconds("disclosures", IndexSetup.DISCLOSURE_TTL_INDEX));
        assertTrue(IndexSetup.index(collection("disclosures"), "disclosures_official_at").isPresent());
    }

    @Test
    void aChangedRetentionChangesTheTtlIndexInPlace() {
        setup(Duration.ofDays(28)).ensure();
        setup(Duration.ofDays(7)).ensure();
        assertEquals(Duration.ofDays(7).toSeconds(), ttlSeconds());
    }

    @Test
    void operatorsSeeWhyTheIndexesCouldNotBeEnsuredUntilTheyAre() {
        IndexSetup refused = refused();
        IndexHealth health = new IndexHealth();
        health.setup = refused;
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus(), "nothing has failed yet");
        assertFalse(refused.tryEnsure());
        HealthCheckResponse down = health.call();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertTrue(String.valueOf(down.getData().orElseThrow().get("reason")).contains("not authorized"), down.toString());

        IndexSetup allowed = setup(Duration.ofDays(28));
        health.setup = allowed;
        assertTrue(allowed.tryEnsure());
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
    }

    @Test
    void aRefusalIsLoggedAsAnErrorNamingTheMissingPrivilege() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(IndexSetup.class.getName());
        log.addHandler(handler);
        try {
            assertFalse(refused().tryEnsure());
        } finally {
            log.removeHandler(handler);
        }
        LogRecord record = records.get(records.size() - 1);
        assertEquals(Level.SEVERE.intValue(), record.getLevel().intValue());
        String message = new SimpleFormatter().formatMessage(record);
        assertTrue(message.contains("lacks the privilege collMod on checkin.scans"), message);
    }

    @Test
    void theReadyGaugeIs0WhileTheIndexesCannotBeEnsuredAnd1OnceTheyAre() throws InterruptedException {
        IndexSetup refused = refused();
        SimpleMeterRegistry refusedMetrics = new SimpleMeterRegistry();
        refused.onStart(null, refusedMetrics);
        IndexSetup allowed = setup(Duration.ofDays(28));
        SimpleMeterRegistry allowedMetrics = new SimpleMeterRegistry();
        allowed.onStart(null, allowedMetrics);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!allowed.done() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, allowedMetrics.get("checkin.store.indexes.ready").gauge().value());
            assertEquals(0, refusedMetrics.get("checkin.store.indexes.ready").gauge().value());
        } finally {
            refused.stop();
            allowed.stop();
        }
    }

    /** A setup whose store refuses to change the TTL index, as it does a user without collMod. */
    private static IndexSetup refused() {
        IndexSetup refused = new IndexSetup() {
            @Override
            public void ensure() {
                throw new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(13))
                        .append("errmsg", new BsonString("not authorized on checkin to execute command { collMod: \"scans\" }")),
                        new ServerAddress());
            }
        };
        refused.config = new TestStoreConfig(Duration.ofDays(28));
        return refused;
    }

    private long ttlSeconds() {
        return ttlSeconds("scans", IndexSetup.SCAN_TTL_INDEX);
    }

    private long ttlSeconds(String collection, String index) {
        Document ttl = IndexSetup.index(collection(collection), index).orElseThrow();
        return ((Number) ttl.get("expireAfterSeconds")).longValue();
    }

    private MongoCollection<Document> collection(String name) {
        return store.client().getDatabase("checkin").getCollection(name);
    }

    private IndexSetup setup(Duration retention) {
        StoreConfig config = new TestStoreConfig(retention);
        IndexSetup setup = new IndexSetup();
        setup.collections = store.collections(config);
        setup.config = config;
        return setup;
    }
}
