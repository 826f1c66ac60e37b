package io.checkin.store;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A fresh embedded store and a driver client on it for each test, closed after it, for plain JUnit tests
 * of store code: {@code @RegisterExtension final EmbeddedStoreExtension store = new EmbeddedStoreExtension();}
 * ({@link RegisterExtension}).
 */
public final class EmbeddedStoreExtension implements BeforeEachCallback, AfterEachCallback {

    private MongoServer store;
    private MongoClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        store.shutdownNow();
    }

    public MongoClient client() {
        return client;
    }

    /** The store's collections, under the given settings (see {@link TestStoreConfig}). */
    public StoreCollections collections(StoreConfig config) {
        return new StoreCollections(client, config);
    }
}
