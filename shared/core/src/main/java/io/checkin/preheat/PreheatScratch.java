package io.checkin.preheat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoCollection;

import io.checkin.store.StoreCollections;

/**
 * The warm-up's scratch collection ({@code checkin.warmup.scratch-collection}), which nothing reads: where the warm-up
 * writes what people's requests would write into their collections, and deletes it again when it ends.
 */
@ApplicationScoped
public class PreheatScratch {

    private static final Logger LOG = Logger.getLogger(PreheatScratch.class);

    @Inject
    StoreCollections collections;

    @Inject
    PreheatConfig config;

    public MongoCollection<Document> collection() {
        return collections.database().getCollection(config.scratchCollection());
    }

    /** Deletes a run's documents; a store that refuses is logged: they are made-up, and nothing reads them. */
    public void delete(Bson run, String what) {
        try {
            collection().deleteMany(run);
        } catch (RuntimeException e) {
            LOG.warnf("The warm-up's %s could not be deleted from %s: %s", what, config.scratchCollection(),
                    e.getMessage());
        }
    }
}
