package io.checkin.testing;

import java.time.Duration;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import org.bson.Document;

import io.checkin.code.CodeVerifier;
import io.checkin.keys.KeyFiles;
import io.checkin.signing.CodeSigner;
import io.checkin.store.StoreCollections;
import io.checkin.venue.Venue;

/**
 * What {@link StoreTestResource} set up (the store and the keys), for tests that run outside the application and
 * cannot inject its beans: the integration tests against the packaged function ({@code @QuarkusIntegrationTest}),
 * which reach it over HTTP and check the store through a client of their own.
 */
public final class TestSetup implements AutoCloseable {

    private final Map<String, String> config;
    private MongoClient client;

    TestSetup(Map<String, String> config) {
        this.config = Map.copyOf(config);
    }

    /** A bearer token for the subject and roles, signed with the key the function trusts. */
    public String token(String subject, String... roles) {
        return Tokens.claims(subject, roles).sign(config.get("smallrye.jwt.sign.key.location"));
    }

    /** Signs codes with the key whose public part the function verifies them with. */
    public CodeSigner codeSigner() {
        return CodeSigner.fromJwk(KeyFiles.read(config.get("checkin.codes.signing-key-location")));
    }

    /** Verifies codes as the scan functions do, with the published key set. */
    public CodeVerifier codeVerifier() {
        return new CodeVerifier(CodeVerifier.keysOf(KeyFiles.read(config.get("checkin.codes.verification-keys-location"))),
                100, Duration.ofMinutes(1));
    }

    /** An active venue at code version 1, stored, with its two signed codes. */
    public TestVenues.Created venue(String name) {
        Venue venue = TestVenues.active(name, "test-owner");
        collection(StoreCollections.VENUES).insertOne(venue.toDocument());
        return TestVenues.signed(venue, codeSigner());
    }

    /** A collection of the function's store, through this test's own client. */
    public synchronized MongoCollection<Document> collection(String name) {
        if (client == null) {
            client = MongoClients.create(config.get("quarkus.mongodb.connection-string"));
        }
        return client.getDatabase(config.getOrDefault("checkin.store.database", "checkin")).getCollection(name);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
