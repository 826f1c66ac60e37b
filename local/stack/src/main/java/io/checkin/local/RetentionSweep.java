package io.checkin.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.checkin.store.StoreCollections;
import io.checkin.store.StoreConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes what is past its retention on the embedded store, which has no TTL monitor: without this a
 * long-running local stack would keep every scan for ever. MongoDB itself needs none of it (its TTL indexes
 * do the same), so it runs only on the embedded store, at start and then hourly.
 */
@ApplicationScoped
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    private static final Duration EVERY = Duration.ofHours(1);

    @Inject
    StoreCollections collections;

    @Inject
    StoreConfig config;

    @Inject
    Clock clock;

    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        if (!LocalStore.embedded()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention-sweep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes scans and disclosure records older than their retention; returns how many went. */
    public long sweep() {
        Instant now = clock.instant();
        return expire(collections.scans(), now.minus(config.retention()))
                + expire(collections.disclosures(), now.minus(config.disclosureRetention()));
    }

    private static long expire(MongoCollection<Document> collection, Instant before) {
        Bson expired = Filters.lt("at", Date.from(before));
        return collection.deleteMany(expired).getDeletedCount();
    }

    private void sweepQuietly() {
        try {
            long deleted = sweep();
            if (deleted > 0) {
                LOG.infof("Deleted %d records past their retention", deleted);
            }
        } catch (MongoException e) {
            LOG.warnf("Retention sweep failed (%s); next in %s", e.getMessage(), EVERY);
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
