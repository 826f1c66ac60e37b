package io.checkin.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.checkin.auth.Roles;
import io.checkin.preheat.Preheat;
import io.checkin.preheat.PreheatConfig;
import io.checkin.preheat.PreheatReport;
import io.checkin.preheat.PreheatTokens;
import io.checkin.store.ScanDocument;
import io.checkin.store.StoreCollections;

/**
 * What the warm-up of a function promises (docs/warmup.md, "Pre-heat"): it runs before the pod is ready and never
 * longer than its budget, it leaves nothing anyone could see, and its throwaway issuer is nobody else's. Each function
 * module with a warm-up runs it in the same application as its other tests:
 * {@code class PreheatTest extends PreheatContract}; the defaults are a scan function's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class PreheatContract {

    /** How long nothing new may arrive in the scratch collection before a test takes it for quiet. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @Inject
    Preheat preheat;

    @Inject
    PreheatTokens tokens;

    @Inject
    PreheatConfig config;

    @Inject
    StoreCollections collections;

    @InjectStoreFaults
    StoreFaults faults;

    /** The function under test, whose path the tokens are tried on. */
    protected abstract String function();

    /** The role of the function's callers. */
    protected String role() {
        return Roles.CITIZEN;
    }

    /**
     * A request body for the function that people's lane would act on, given a caller: for a scan function a scan (whose
     * made-up code no lane accepts), for generate-code a valid registration.
     */
    protected Map<String, ?> body() {
        return Map.of("code", "not-a-code", "scanId", UUID.randomUUID().toString());
    }

    @BeforeEach
    void noWarmupRuns() {
        assertTrue(Poll.until(() -> ready() && !preheat.running(), config.budget().plusSeconds(15)),
                "ready, and the last warm-up over (its writes drained)");
    }

    @Test
    @Order(1)
    void theWarmupAtStartSentEveryRequestAndWasAnsweredBeforeThePodReportedReady() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.state", equalTo("done"))
                .body("checks.find { it.name == 'warm-up' }.data.requests", equalTo(StoreTestResource.PREHEAT_REQUESTS))
                .body("checks.find { it.name == 'warm-up' }.data.answered", equalTo(StoreTestResource.PREHEAT_REQUESTS));
    }

    @Test
    void aWarmupLeavesNoTraceInTheRealCollectionsNorInItsScratchOne() {
        // what a warm-up against a hung store (another test) left in flight writes once the store is back, after that
        // warm-up ended (its requests finish after it): cleared until nothing more has arrived for a while
        MongoCollection<Document> scratch = collections.database().getCollection(config.scratchCollection());
        assertTrue(Poll.until(() -> scratch.deleteMany(new Document()).getDeletedCount() == 0 && Poll.pause(QUIET)
                && scratch.countDocuments() == 0, Duration.ofSeconds(15)), "the scratch collection quiet");
        StoreCounts before = StoreCounts.of(collections);
        PreheatReport report = preheat.run(config.budget());
        assertNotNull(report, "no other warm-up was running");
        assertEquals(StoreTestResource.PREHEAT_REQUESTS, report.answered(), "every request answered: " + report);
        before.assertUnchanged(collections, "the warm-up");
        assertEquals(0, collections.scans().countDocuments(Filters.regex(ScanDocument.PERSON, "^warmup-")),
                "no scan of a throwaway person where history queries read");
        assertEquals(0, collections.venues().countDocuments(Filters.regex("ownerSub", "^warmup-")),
                "no venue of a throwaway manager where the scan functions read");
        assertEquals(0, scratch.countDocuments(), "the scratch collection emptied");
    }

    @Test
    void aTokenFromTheIdentityProviderNamingTheWarmupsIssuerIsRefused() {
        PreheatTokens.Session session = tokens.open(Duration.ofMinutes(1));
        String minted;
        try {
            String outsider = Tokens.claims("mallory", role()).issuer(session.issuer()).sign();
            Api.call(function(), outsider, body()).statusCode(401);
            minted = session.token("warmup-probe", role());
        } finally {
            tokens.close();
        }
        Api.call(function(), minted, body()).statusCode(401);
    }

    @Test
    void aRequestOfAWarmupThatEndedIsRefusedNotServedInPeoplesLane() {
        PreheatTokens.Session session = tokens.open(Duration.ofMinutes(1));
        try {
            // verified with the warm-up's key and issuer, yet no warm-up lane is open: a request still in flight when
            // its warm-up ended
            String minted = session.token("warmup-late", role());
            StoreCounts.unchangedBy(collections, "a request of an ended warm-up",
                    () -> Api.call(function(), minted, body()).statusCode(401)
                            .body("detail", equalTo("The warm-up this token was made for is over")));
        } finally {
            tokens.close();
        }
    }

    @Test
    void readinessIsDownWhileTheWarmupRunsAndUpWithinItsBudgetWhenTheStoreHangs() {
        faults.hang();
        try {
            long start = System.nanoTime();
            Duration budget = Duration.ofSeconds(3);
            preheat.beforeReady(budget);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'warm-up' }.status", equalTo("DOWN"));
            assertTrue(Poll.until(this::ready, budget.plusSeconds(2)), "ready once the budget is spent");
            assertTrue(System.nanoTime() - start < budget.plusSeconds(2).toNanos(), "within the budget");
        } finally {
            faults.upAndAnswering(collections);
        }
        assertTrue(Poll.until(() -> !preheat.running(), Duration.ofSeconds(30)), "the hung warm-up ends");
    }

    @Test
    void aWarmupThatCannotFinishInItsBudgetStillEndsInReady() {
        preheat.beforeReady(Duration.ofMillis(300));
        assertTrue(Poll.until(this::ready, Duration.ofSeconds(2)), "ready soon after the budget");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("warm-up"));
    }

    private boolean ready() {
        return given().get("/q/health/ready").statusCode() == 200;
    }
}
