package io.checkin.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** The collections of the data model, in the configured database. */
@ApplicationScoped
public class StoreCollections {

    public static final String VENUES = "venues";
    public static final String SCANS = "scans";
    public static final String DISCLOSURES = "disclosures";

    private final MongoDatabase database;

    @Inject
    public StoreCollections(MongoClient client, StoreConfig config) {
        this.database = client.getDatabase(config.database());
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> venues() {
        return database.getCollection(VENUES);
    }

    public MongoCollection<Document> scans() {
        return database.getCollection(SCANS);
    }

    /** What officials were shown of other people's movements (io.checkin.audit). */
    public MongoCollection<Document> disclosures() {
        return database.getCollection(DISCLOSURES);
    }
}
