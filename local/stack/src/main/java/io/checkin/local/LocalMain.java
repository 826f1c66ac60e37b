package io.checkin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.checkin.dev.DevKeys;
import io.checkin.dev.EmbeddedMongo;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The local stack: every function in one process, on an embedded store that keeps its data in a folder,
 * with development keys made on first start. Runs before Quarkus reads its configuration, so what it
 * prepares (store address, key locations) is plain configuration to the functions.
 */
@QuarkusMain
public class LocalMain {

    /** Environment variable naming the data folder (store file and keys); default {@code data}. */
    static final String DATA_DIR_ENV = "CHECKIN_DATA_DIR";
    /** Environment variable choosing the embedded store's backend: {@code file} (default) or {@code memory}. */
    static final String STORE_ENV = "CHECKIN_EMBEDDED_STORE";
    static final String CONNECTION_STRING = "quarkus.mongodb.connection-string";
    /** The embedded store's file in the data folder. */
    static final String STORE_FILE = "store.mv";

    public static void main(String... args) {
        Path data = ownerOnly(dataDir());
        if (LocalTools.handles(args)) {
            System.exit(LocalTools.run(data, System.out, args));
        }
        setDefault("quarkus.profile", "local");
        Map<String, String> keys = DevKeys.ensure(data.resolve("keys"));
        keys.forEach(LocalMain::setDefault);
        if (System.getProperty(CONNECTION_STRING) == null && System.getenv("QUARKUS_MONGODB_CONNECTION_STRING") == null) {
            EmbeddedMongo store = "memory".equals(envOr(STORE_ENV, "file")) ? EmbeddedMongo.inMemory(0)
                    : EmbeddedMongo.file(data.resolve(STORE_FILE), 0);
            LocalStore.hold(store);
            System.setProperty(CONNECTION_STRING, store.connectionString());
        }
        Quarkus.run(LocalStack.class, args);
    }

    /**
     * The data folder holds people's movements and the development keys: it and the store file in it are
     * readable by their owner only, also when an older run left them open.
     */
    static Path ownerOnly(Path data) {
        try {
            Files.createDirectories(data);
            if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
                Path store = data.resolve(STORE_FILE);
                if (Files.exists(store)) {
                    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
                }
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data folder " + data, e);
        }
    }

    /** The folder of the store file and the development keys. */
    static Path dataDir() {
        return Path.of(envOr(DATA_DIR_ENV, "data")).toAbsolutePath();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
