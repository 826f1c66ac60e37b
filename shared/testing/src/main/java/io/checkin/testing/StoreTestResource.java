package io.checkin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.checkin.dev.DevKeys;
import io.checkin.dev.EmbeddedMongo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What every {@code @QuarkusTest} needs: a store and keys. The store is a real MongoDB when
 * {@code CHECKIN_TEST_MONGODB_URI} is set, otherwise the embedded server (memory backend) on a free port,
 * reached through a {@link TcpFaultProxy} so tests can take it down. Keys are generated into a temporary
 * folder for this run. Every test class names this same resource, so Quarkus boots once per module. The
 * integration tests ({@code @QuarkusIntegrationTest}) use it too: the packaged function gets this configuration,
 * and the test a {@link TestSetup} ({@link InjectTestSetup}) to make tokens and codes and to read the store.
 */
public class StoreTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String REAL_STORE_ENV = "CHECKIN_TEST_MONGODB_URI";
    public static final String PUBLIC_BASE_URL = "https://checkin.test";
    public static final int PREHEAT_REQUESTS = 400;

    private EmbeddedMongo embedded;
    private TcpFaultProxy proxy;
    private Path keys;
    private TestSetup setup;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            keys = Files.createTempDirectory("checkin-test-keys");
            config.putAll(DevKeys.ensure(keys));
            String real = System.getenv(REAL_STORE_ENV);
            if (real != null && !real.isBlank()) {
                config.put("quarkus.mongodb.connection-string", real);
                config.put("checkin.store.database", "checkin_test_" + ProcessHandle.current().pid());
            } else {
                embedded = EmbeddedMongo.inMemory(0);
                proxy = new TcpFaultProxy(new InetSocketAddress("127.0.0.1", embedded.port()));
                config.put("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + proxy.port());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("checkin.codes.public-base-url", PUBLIC_BASE_URL);
        // the warm-up at start runs in every test application, briefly: what it does is tested, not how fast it is
        config.put("checkin.warmup.requests", String.valueOf(PREHEAT_REQUESTS));
        setup = new TestSetup(config);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new StoreFaults(proxy),
                new TestInjector.AnnotatedAndMatchesType(InjectStoreFaults.class, StoreFaults.class));
        injector.injectIntoFields(setup,
                new TestInjector.AnnotatedAndMatchesType(InjectTestSetup.class, TestSetup.class));
    }

    @Override
    public void stop() {
        if (setup != null) {
            setup.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (keys != null) {
            try (Stream<Path> files = Files.walk(keys)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder: the OS cleans it eventually
            }
        }
    }
}
