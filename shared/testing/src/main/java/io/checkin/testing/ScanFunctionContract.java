package io.checkin.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.code.Direction;
import io.checkin.code.VenueStatusCache;
import io.checkin.scan.ScanConfig;
import io.checkin.scan.ScanIds;
import io.checkin.signing.CodeSigner;
import io.checkin.store.StoreCollections;
import io.restassured.response.ValidatableResponse;

/**
 * What scan-in and scan-out both promise, over HTTP. Each function module runs it for its own direction:
 * {@code class ScanInTest extends ScanFunctionContract}.
 */
public abstract class ScanFunctionContract implements PageOriginContract {

    @Inject
    TestVenues testVenues;

    @Inject
    StoreCollections collections;

    @Inject
    VenueStatusCache statusCache;

    @Inject
    ScanConfig scanConfig;

    protected TestVenues.Created venue;

    protected abstract Direction direction();

    protected String function() {
        return direction() == Direction.IN ? "scan-in" : "scan-out";
    }

    @Override
    public String pagePath() {
        return "/" + function();
    }

    protected String code() {
        return venue.code(direction());
    }

    @BeforeEach
    void newVenue() {
        venue = testVenues.create("Venue for " + function());
    }

    protected static Map<String, Object> scan(String code, String scanId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("scanId", scanId);
        return body;
    }

    protected long stored(String subject, String scanId) {
        return collections.scans().countDocuments(new Document("_id", ScanIds.of(subject, scanId)));
    }

    @Test
    void recordsTheScanAndAnswersWithAReceipt() {
        String scanId = UUID.randomUUID().toString();
        Api.call(function(), Tokens.citizen("alice"), scan(code(), scanId)).statusCode(200)
                .body("status", equalTo("recorded")).body("scanId", equalTo(scanId))
                .body("venueId", equalTo(venue.venueId())).body("venueName", equalTo(venue.name()))
                .body("direction", equalTo(direction().name()));
        Document event = collections.scans().find(new Document("_id", ScanIds.of("alice", scanId))).first();
        assertEquals("alice", event.getString("userSub"));
        assertEquals(venue.venueId(), event.getString("venueId"));
        assertEquals(direction().name(), event.getString("direction"));
        assertEquals(1, event.getInteger("codeVersion"));
    }

    @Test
    void aRepeatIsADuplicateWithTheOriginalTime() {
        String scanId = UUID.randomUUID().toString();
        String first = Api.call(function(), Tokens.citizen("bob"), scan(code(), scanId)).statusCode(200)
                .body("status", equalTo("recorded")).extract().path("at");
        Api.call(function(), Tokens.citizen("bob"), scan(code(), scanId.toUpperCase())).statusCode(200)
                .body("status", equalTo("duplicate")).body("at", equalTo(first));
        assertEquals(1, stored("bob", scanId));
    }

    @Test
    void theSameScanIdFromTwoPeopleIsTwoRecords() {
        String scanId = UUID.randomUUID().toString();
        Api.call(function(), Tokens.citizen("carol"), scan(code(), scanId)).statusCode(200).body("status", equalTo("recorded"));
        Api.call(function(), Tokens.citizen("dave"), scan(code(), scanId)).statusCode(200).body("status", equalTo("recorded"));
        assertEquals(1, stored("carol", scanId));
        assertEquals(1, stored("dave", scanId));
    }

    @Test
    void acceptsTheCodeUrl() {
        Api.call(function(), Tokens.citizen("erin"), scan(StoreTestResource.PUBLIC_BASE_URL + "/c/" + code(),
                UUID.randomUUID().toString())).statusCode(200).body("status", equalTo("recorded"));
    }

    @Test
    void acceptsAnOfflineScanWithItsClientTime() {
        String scanId = UUID.randomUUID().toString();
        Map<String, Object> body = scan(code(), scanId);
        Instant scanned = Instant.now().minus(Duration.ofHours(23)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        body.put("clientAt", scanned.toString());
        Api.call(function(), Tokens.citizen("frank"), body).statusCode(200).body("status", equalTo("recorded"));
        Document event = collections.scans().find(new Document("_id", ScanIds.of("frank", scanId))).first();
        assertEquals(scanned, event.getDate("clientAt").toInstant());
    }

    @Test
    void aScanIdReusedForAnotherVenueIsAConflict() {
        String scanId = UUID.randomUUID().toString();
        Api.call(function(), Tokens.citizen("gina"), scan(code(), scanId)).statusCode(200);
        TestVenues.Created other = testVenues.create("Another venue");
        Api.problem(Api.call(function(), Tokens.citizen("gina"), scan(other.code(direction()), scanId)), 409,
                "scan-id-reused", "scanId");
    }

    @Test
    void withoutATokenIs401() {
        rejected(null, scan(code(), UUID.randomUUID().toString()), 401, "unauthorized", null);
    }

    @Test
    void aVenueManagerCannotScan() {
        rejected(Tokens.venueManager("m"), scan(code(), UUID.randomUUID().toString()), 403, "forbidden", null);
    }

    @Test
    void theOtherDirectionsCodeIsRejected() {
        Direction other = direction() == Direction.IN ? Direction.OUT : Direction.IN;
        rejected(Tokens.citizen("h"), scan(venue.code(other), UUID.randomUUID().toString()), 422, "code-wrong-direction",
                "code");
    }

    @Test
    void aTamperedCodeIsRejected() {
        String[] parts = code().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        rejected(Tokens.citizen("h"), scan(tampered, UUID.randomUUID().toString()), 422, "code-signature-invalid", "code");
    }

    @Test
    void aCodeFromAnUnknownKeyIsRejected() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var jwk = org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId("forger");
        String forged = new CodeSigner(jwk)
                .sign(new io.checkin.code.VenueCode(venue.venueId(), direction(), 1, venue.name()));
        rejected(Tokens.citizen("h"), scan(forged, UUID.randomUUID().toString()), 422, "code-unknown-key", "code");
    }

    @Test
    void aRevokedCodeIsRejected() {
        collections.venues().updateOne(new Document("_id", venue.venueId()), new Document("$inc", new Document("codeVersion", 1)));
        statusCache.forget(venue.venueId());
        rejected(Tokens.citizen("h"), scan(code(), UUID.randomUUID().toString()), 422, "code-revoked", "code");
    }

    @Test
    void aSuspendedVenuesCodeIsRejected() {
        collections.venues().updateOne(new Document("_id", venue.venueId()),
                new Document("$set", new Document("status", "suspended")));
        statusCache.forget(venue.venueId());
        rejected(Tokens.citizen("h"), scan(code(), UUID.randomUUID().toString()), 422, "venue-suspended", "code");
    }

    @Test
    void aRetryOfAStoredScanIsItsDuplicateAlsoAfterTheVenueReissuedItsCodes() {
        retryAfterTheVenueChanged(new Document("$inc", new Document("codeVersion", 1)), "code-revoked");
    }

    @Test
    void aRetryOfAStoredScanIsItsDuplicateAlsoAfterTheVenueWasSuspended() {
        retryAfterTheVenueChanged(new Document("$set", new Document("status", "suspended")), "venue-suspended");
    }

    /**
     * A scan is stored but its answer never reaches the phone; the venue then changes; the phone retries with the
     * same scanId and code: it is told `duplicate` with the first time, while a new scan with that code is refused.
     */
    private void retryAfterTheVenueChanged(Document change, String refusal) {
        String person = "lost-answer-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String at = Api.call(function(), Tokens.citizen(person), scan(code(), first)).statusCode(200)
                .body("status", equalTo("recorded")).extract().path("at"); // the answer the phone never got
        collections.venues().updateOne(new Document("_id", venue.venueId()), change);
        statusCache.forget(venue.venueId());

        Api.call(function(), Tokens.citizen(person), scan(code(), first)).statusCode(200)
                .body("status", equalTo("duplicate")).body("at", equalTo(at));
        assertEquals(1, stored(person, first));
        String second = UUID.randomUUID().toString();
        rejected(Tokens.citizen(person), scan(code(), second), 422, refusal, "code");
        assertEquals(0, stored(person, second));
    }

    @Test
    void onePersonsScansBeyondTheLimitAre429WithRetryAfter() {
        int limit = scanConfig.rateLimit().perMinute();
        long started = System.nanoTime();
        int recorded = recordUntilRefused("script-" + UUID.randomUUID(), 3 * limit);
        long permitsBack = Duration.ofNanos(System.nanoTime() - started).toSeconds() * limit / 60 + 1;
        assertTrue(recorded >= limit && recorded <= limit + permitsBack, recorded + " scans before the first 429");
        Api.call(function(), Tokens.citizen("someone-else"), scan(code(), UUID.randomUUID().toString())).statusCode(200);
    }

    @Test
    void repeatsAndRejectedScansDoNotCountTowardsTheLimit() {
        int limit = scanConfig.rateLimit().perMinute();
        String person = "phone-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        Api.call(function(), Tokens.citizen(person), scan(code(), first)).statusCode(200);
        for (int i = 0; i < limit; i++) {
            Api.call(function(), Tokens.citizen(person), scan(code(), first)).statusCode(200)
                    .body("status", equalTo("duplicate"));
            Api.call(function(), Tokens.citizen(person), scan("not-a-code", UUID.randomUUID().toString())).statusCode(422);
        }
        int recorded = recordUntilRefused(person, 3 * limit);
        assertTrue(recorded >= limit - 1, "only the first scan counted, then " + recorded + " more");
    }

    @Test
    void aRetryOfAStoredScanIsItsDuplicateAlsoWhenThePersonIsAtTheLimit() {
        String person = "lost-answer-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String at = Api.call(function(), Tokens.citizen(person), scan(code(), first)).statusCode(200)
                .body("status", equalTo("recorded")).extract().path("at");
        recordUntilRefused(person, 3 * scanConfig.rateLimit().perMinute());

        Api.call(function(), Tokens.citizen(person), scan(code(), first)).statusCode(200)
                .body("status", equalTo("duplicate")).body("at", equalTo(at));
        assertEquals(1, stored(person, first));
    }

    /** Records new scans until the person is refused; the refusal is checked. Returns how many were recorded. */
    private int recordUntilRefused(String person, int atMost) {
        for (int recorded = 0; recorded < atMost; recorded++) {
            String scanId = UUID.randomUUID().toString();
            ValidatableResponse answer = Api.call(function(), Tokens.citizen(person), scan(code(), scanId));
            if (answer.extract().statusCode() != 200) {
                Api.problem(answer, 429, "too-many-scans", null)
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-3]"));
                assertEquals(0, stored(person, scanId), "a refused scan is not stored");
                return recorded;
            }
            answer.body("status", equalTo("recorded"));
        }
        throw new AssertionError(person + " was never refused in " + atMost + " scans");
    }

    @Test
    void malformedBodiesNameTheField() {
        String id = UUID.randomUUID().toString();
        rejectedRaw("{\"scanId\":\"" + id + "\"}", 400, "missing-field", "code");
        rejectedRaw("{\"code\":\"" + code() + "\"}", 400, "missing-field", "scanId");
        rejectedRaw("{\"code\":\"" + code() + "\",\"scanId\":\"not-a-uuid\"}", 400, "invalid-field", "scanId");
        rejectedRaw("{\"code\":\"" + code() + "\",\"scanId\":{\"$gt\":\"\"}}", 400, "invalid-type", "scanId");
        rejectedRaw("{\"code\":[\"" + code() + "\"],\"scanId\":\"" + id + "\"}", 400, "invalid-type", "code");
        rejectedRaw("{\"code\":\"" + code() + "\",\"scanId\":\"" + id + "\",\"clientAt\":\"yesterday\"}", 400,
                "invalid-type", "clientAt");
        rejectedRaw("{\"code\":\"" + code() + "\",\"scanId\":\"" + id + "\"", 400, "malformed-json", null);
        rejectedRaw("", 400, "missing-field", "body");
        rejectedRaw("{\"code\":\"hello\",\"scanId\":\"" + id + "\"}", 422, "code-malformed", "code");
    }

    @Test
    void aScanIdHasOneSpelling() {
        String id = UUID.randomUUID().toString();
        StringBuilder fullwidth = new StringBuilder();
        id.chars().forEach(c -> fullwidth.append(Character.isDigit(c) ? (char) (c - '0' + '\uFF10') : (char) c));
        for (String spelling : new String[] { " " + id, id + " ", id + "\n", "\t" + id, fullwidth.toString(),
                "{" + id + "}", id.replace("-", "") }) {
            rejected(Tokens.citizen("h"), scan(code(), spelling), 400, "invalid-field", "scanId");
        }
    }

    @Test
    void aClientTimeIsIsoTextWithAnOffset() {
        String id = UUID.randomUUID().toString();
        String today = Instant.now().toString().substring(0, 10);
        for (String raw : new String[] { "12345", String.valueOf(Instant.now().getEpochSecond()), "1.5", "true",
                "\"\"", "\"  \"", "\" " + Instant.now() + "\"", "\"" + today + "\"",
                "\"" + Instant.now().toString().replace("Z", "") + "\"", "{\"$gt\":\"\"}" }) {
            rejectedRaw("{\"code\":\"" + code() + "\",\"scanId\":\"" + id + "\",\"clientAt\":" + raw + "}", 400,
                    "invalid-type", "clientAt");
        }
    }

    @Test
    void aClientTimeOlderThanADayIsRejected() {
        Map<String, Object> body = scan(code(), UUID.randomUUID().toString());
        body.put("clientAt", Instant.now().minus(Duration.ofHours(25)).toString());
        rejected(Tokens.citizen("h"), body, 400, "client-at-too-old", "clientAt");
    }

    @Test
    void aClientTimeInTheFutureIsRejected() {
        Map<String, Object> body = scan(code(), UUID.randomUUID().toString());
        body.put("clientAt", Instant.now().plus(Duration.ofMinutes(10)).toString());
        rejected(Tokens.citizen("h"), body, 400, "client-at-in-future", "clientAt");
    }

    private void rejected(String token, Map<String, Object> body, int status, String code, String field) {
        StoreCounts.unchangedBy(collections, "a rejected scan", () -> Api.problem(Api.call(function(), token, body),
                status, code, field));
    }

    private void rejectedRaw(String body, int status, String code, String field) {
        StoreCounts.unchangedBy(collections, "a rejected scan (" + body + ")",
                () -> Api.problem(Api.callRaw(function(), Tokens.citizen("h"), body), status, code, field));
    }
}
