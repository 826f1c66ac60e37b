package io.checkin.dev;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) for the local run and the tests; the
 * functions reach it through the official driver over TCP, exactly as they reach a real MongoDB.
 * Only modules that start it depend on mongo-java-server: deployed functions never carry it.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** Fastest; data is gone when the process ends. Port 0 picks a free port. */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new MemoryBackend(), port);
    }

    /** Persists to an H2 MVStore file, which commits about once a second and on close. */
    public static EmbeddedMongo file(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data folder for " + file, e);
        }
        return new EmbeddedMongo(new H2Backend(file.toString()), port);
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
