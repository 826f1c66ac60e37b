package io.checkin.store;

import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Ensures the indexes of the data model once a function has started, in the background. Creating an index that
 * exists is a no-op, so every instance may do it. A store that is down at start-up does not stop the function from
 * starting (it answers 503 until the store is back); the indexes are then retried. Whether they are in place is the
 * gauge {@code checkin_store_indexes_ready} (1 or 0) and the wellness check {@code indexes} (IndexHealth).
 */
@ApplicationScoped
public class IndexSetup {

    private static final Logger LOG = Logger.getLogger(IndexSetup.class);
    static final String SCAN_TTL_INDEX = "scans_ttl";
    static final String DISCLOSURE_TTL_INDEX = "disclosures_ttl";
    private static final int COMMAND_NOT_FOUND = 59;
    private static final int UNAUTHORIZED = 13;
    /** How MongoDB words a refusal: "not authorized on checkin to execute command { collMod: "scans", ...". */
    private static final Pattern REFUSED_COMMAND = Pattern.compile("not authorized on (\\S+) to execute command \\{ ?(\\w+): \"([^\"]+)\"");

    @Inject
    StoreCollections collections;

    @Inject
    StoreConfig config;

    private volatile boolean done;
    /** Why the latest attempt failed, for operators (IndexHealth); null before the first and once one succeeded. */
    private volatile String failure;
    private ScheduledExecutorService retries;

    /**
     * Starts the first attempt in the background: the indexes are the store's concern, not this pod's readiness,
     * and a pod that Knative starts for a burst answers sooner without these round trips (docs/benchmarks.md,
     * "footprint"). Failed attempts are retried every {@code checkin.store.index-retry-interval}.
     */
    void onStart(@Observes StartupEvent event, MeterRegistry metrics) {
        Gauge.builder("checkin.store.indexes.ready", this, setup -> setup.done ? 1 : 0)
                .description("1 once the indexes and the retention they carry are ensured, 0 until then").register(metrics);
        retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-setup");
            t.setDaemon(true);
            return t;
        });
        long every = config.indexRetryInterval().toMillis();
        retries.scheduleWithFixedDelay(() -> {
            if (tryEnsure()) {
                retries.shutdown();
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    public boolean done() {
        return done;
    }

    /** Why the latest attempt to ensure the indexes failed (the store's own words, e.g. a missing privilege). */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    boolean tryEnsure() {
        try {
            ensure();
            done = true;
            failure = null;
            return true;
        } catch (MongoException e) {
            failure = String.valueOf(e.getMessage());
            LOG.errorf("Could not ensure the indexes and the retention they carry (%s%s); retrying every %s",
                    missingPrivilege(e).map(p -> "the store's user lacks the privilege " + p + ": ").orElse(""),
                    e.getMessage(), config.indexRetryInterval());
            return false;
        }
    }

    /**
     * The privilege a refusal (code 13, Unauthorized) shows missing, as a role grants it: an action on a resource,
     * e.g. {@code collMod on checkin.scans}. The action is the refused command's name, but for the commands whose
     * action is named in the singular.
     */
    static Optional<String> missingPrivilege(MongoException e) {
        Matcher refused = REFUSED_COMMAND.matcher(String.valueOf(e.getMessage()));
        if (e.getCode() != UNAUTHORIZED || !refused.find()) {
            return Optional.empty();
        }
        String action = switch (refused.group(2)) {
            case "createIndexes" -> "createIndex";
            case "dropIndexes" -> "dropIndex";
            default -> refused.group(2);
        };
        return Optional.of(action + " on " + refused.group(1) + "." + refused.group(3));
    }

    public void ensure() {
        collections.venues().createIndex(Indexes.ascending("ownerSub"), new IndexOptions().name("venues_owner"));
        collections.scans().createIndex(ScanDocument.BY_PERSON,
                new IndexOptions().name("scans_user_at"));
        collections.scans().createIndex(ScanDocument.BY_VENUE,
                new IndexOptions().name("scans_venue_at"));
        ensureTtl(collections.scans(), SCAN_TTL_INDEX, config.retention().toSeconds());
        collections.disclosures().createIndex(
                Indexes.compoundIndex(Indexes.ascending("official"), Indexes.descending("at")),
                new IndexOptions().name("disclosures_official_at"));
        ensureTtl(collections.disclosures(), DISCLOSURE_TTL_INDEX, config.disclosureRetention().toSeconds());
    }

    /** A changed retention changes the existing TTL index in place (collMod) instead of failing start-up. */
    private void ensureTtl(MongoCollection<Document> collection, String name, long seconds) {
        Document existing = index(collection, name).orElse(null);
        if (existing == null) {
            createTtl(collection, name, seconds);
        } else if (!(existing.get("expireAfterSeconds") instanceof Number current) || current.longValue() != seconds) {
            try {
                collections.database().runCommand(new Document("collMod", collection.getNamespace().getCollectionName())
                        .append("index", new Document("name", name).append("expireAfterSeconds", seconds)));
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != COMMAND_NOT_FOUND) {
                    throw e;
                }
                // a store without collMod (the embedded one): rebuild the index instead
                collection.dropIndex(name);
                createTtl(collection, name, seconds);
            }
        }
    }

    /** The collection's index of that name, as the store describes it. */
    public static Optional<Document> index(MongoCollection<Document> collection, String name) {
        return collection.listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> name.equals(index.getString("name"))).findFirst();
    }

    private static void createTtl(MongoCollection<Document> collection, String name, long seconds) {
        collection.createIndex(Indexes.ascending("at"), new IndexOptions().name(name).expireAfter(seconds, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
