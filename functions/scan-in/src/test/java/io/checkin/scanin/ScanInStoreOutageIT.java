package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.checkin.dev.DevKeys;
import io.checkin.dev.EmbeddedMongo;
import io.checkin.keys.KeyFiles;
import io.checkin.scan.ScanIds;
import io.checkin.signing.CodeSigner;
import io.checkin.store.StoreCollections;
import io.checkin.testing.FunctionProcess;
import io.checkin.testing.Poll;
import io.checkin.testing.TcpFaultProxy;
import io.checkin.testing.TestVenues;
import io.checkin.testing.Tokens;

/**
 * Readiness says "this pod can answer", not "the store is up": the packaged scan-in, started while its store is
 * unreachable, turns ready (so Knative routes to it and people get the designed answer), answers a scan 503 with
 * Retry-After within 2 s, and records it once the store is back.
 */
class ScanInStoreOutageIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path work;

    private EmbeddedMongo store;
    private TcpFaultProxy proxy;
    private MongoClient storeClient;
    private FunctionProcess function;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopEverything() {
        if (function != null) {
            function.close();
        }
        if (storeClient != null) {
            storeClient.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void startedWhileTheStoreIsDownItTurnsReadyAnswers503AndRecordsOnceTheStoreIsBack() throws Exception {
        Map<String, String> config = new HashMap<>(DevKeys.ensure(work.resolve("keys")));
        System.setProperty("smallrye.jwt.sign.key.location", config.get("smallrye.jwt.sign.key.location"));
        store = EmbeddedMongo.inMemory(0);
        storeClient = MongoClients.create(store.connectionString());
        var venue = TestVenues.active("Outage hall", "test-owner");
        storeClient.getDatabase("checkin").getCollection(StoreCollections.VENUES).insertOne(venue.toDocument());
        String code = TestVenues.signed(venue,
                CodeSigner.fromJwk(KeyFiles.read(config.get("checkin.codes.signing-key-location")))).entry();
        proxy = new TcpFaultProxy(new InetSocketAddress("127.0.0.1", store.port()));
        proxy.refuse(); // the function's way to the store is down from before it starts
        config.put("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + proxy.port());
        config.put("checkin.codes.public-base-url", "https://checkin.test");

        function = FunctionProcess.start(JAR, config, work, Duration.ofSeconds(60)); // waits for ready: 200

        // the first call of a fresh JVM also loads its whole call path (and the test's HTTP client): refused, not timed
        unavailable(scan(code, UUID.randomUUID().toString()));
        String scanId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        HttpResponse<String> refused = scan(code, scanId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        unavailable(refused);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "answered within 2 s: took " + took);

        proxy.pass();
        assertTrue(Poll.until(() -> scan(code, scanId).statusCode() == 200, Duration.ofSeconds(20)),
                "recorded once the store was back:\n" + function.log());
        assertEquals(1, storeClient.getDatabase("checkin").getCollection(StoreCollections.SCANS)
                .countDocuments(new Document("_id", ScanIds.of("outage-person", scanId))));
    }

    private static void unavailable(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("store-unavailable"), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
    }

    private HttpResponse<String> scan(String code, String scanId) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(function.baseUri() + "/scan-in"))
                    .header("Authorization", "Bearer " + Tokens.citizen("outage-person"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"scanId\":\"" + scanId + "\"}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
