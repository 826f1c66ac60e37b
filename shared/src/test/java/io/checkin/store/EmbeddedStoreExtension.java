package io.checkin.store;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * A fresh embedded store and a driver client on it for each test, closed after it, for plain JUnit tests
 * of store code: {@code @RegisterExtension final EmbeddedStoreExtension store = new EmbeddedStoreExtension();}
 * ({@link RegisterExtension}).
 */
public final class EmbeddedStoreExtension implements BeforeEachCallback, AfterEachCallback {

    private EmbeddedMongo store;
    private MongoClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        store = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(store.connectionString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        store.close();
    }

    public MongoClient client() {
        return client;
    }

    /** The store's collections, under the given settings (see {@link TestStoreConfig}). */
    public StoreCollections collections(StoreConfig config) {
        return new StoreCollections(client, config);
    }
}
