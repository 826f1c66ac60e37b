package io.checkin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.checkin.auth.Roles;
import io.checkin.preheat.Preheat;
import io.checkin.preheat.PreheatScratch;
import io.checkin.preheat.PreheatTokens;
import io.checkin.testing.Api;
import io.checkin.testing.Poll;
import io.checkin.testing.StoreTestResource;
import io.checkin.venue.VenueStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A warm-up's bulk registration whose insert fails after the warm-up ended (a slow store held it past the end) is
 * undone in the scratch collection it wrote to: the closed lane does not stop the undo.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class WarmupLaneUndoTest {

    @Inject
    VenueLanes lanes;

    @Inject
    PreheatTokens tokens;

    @Inject
    PreheatScratch scratch;

    @Inject
    CodeIssuer issuer;

    @Inject
    Preheat preheat;

    @BeforeEach
    void noWarmupRuns() {
        // the warm-up at start opens tokens and a lane of its own, and closes them when it ends
        assertTrue(Poll.until(() -> !preheat.running(), Duration.ofSeconds(60)), "the warm-up at start over");
    }

    @AfterEach
    void closeTheWarmup() {
        lanes.closeWarmup();
        tokens.close();
    }

    @Test
    void aRegistrationThatFailsAfterItsWarmupEndedIsUndoneInTheScratchCollection() {
        String owner = "warmup-undo-" + System.nanoTime();
        PreheatTokens.Session session = tokens.open(Duration.ofMinutes(1));
        lanes.openWarmup(new VenueLanes.Lane(VenueStore.over(endingTheWarmupOnInsert(scratch.collection())), issuer));

        Api.call("register-venues", session.token(owner, Roles.VENUE_MANAGER), Map.of("venues", List.of(
                Map.of("name", "Late venue 1", "address", "1 Late Street", "region", "warm-up"),
                Map.of("name", "Late venue 2", "address", "2 Late Street", "region", "warm-up")))).statusCode(503);

        assertEquals(0, scratch.collection().countDocuments(Filters.eq("ownerSub", owner)),
                "what the failed insert wrote, removed again");
    }

    /**
     * The scratch collection, except that an insert writes, then the warm-up ends (its lane closes), then the insert
     * fails: what a request held by a hung store meets when the store comes back after the warm-up's end.
     */
    @SuppressWarnings("unchecked")
    private MongoCollection<Document> endingTheWarmupOnInsert(MongoCollection<Document> collection) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { MongoCollection.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(collection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("insertMany")) {
                        lanes.closeWarmup();
                        throw new MongoTimeoutException("the store answered after the warm-up's end");
                    }
                    return result;
                });
    }
}
