package io.checkin.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeRejectedException;
import io.checkin.code.Direction;
import io.checkin.dev.DevKeys;
import io.checkin.scan.ScanIds;
import io.checkin.signing.CodeSigner;
import io.checkin.store.ScanDocument;
import io.checkin.store.StoreCollections;

/**
 * What a packaged scan function (the JVM application, or the native executable with -Pnative) promises, checked from
 * outside it as a deployment runs it: over HTTP, with the store read through the test's own client. Each scan
 * function module runs it for its direction: {@code @QuarkusIntegrationTest class ScanInIT extends
 * PackagedScanContract}.
 */
public abstract class PackagedScanContract implements PackagedFunctionContract {

    @InjectTestSetup
    TestSetup setup;

    protected abstract Direction direction();

    private String function() {
        return direction() == Direction.IN ? "scan-in" : "scan-out";
    }

    private long stored(String subject, String scanId) {
        return setup.collection(StoreCollections.SCANS).countDocuments(new Document("_id", ScanIds.of(subject, scanId)));
    }

    private long allScans() {
        return setup.collection(StoreCollections.SCANS).countDocuments();
    }

    @Test
    void recordsAScanOnceAndAnswersItsRetryAsADuplicate() {
        TestVenues.Created venue = setup.venue("Packaged " + function());
        String scanId = UUID.randomUUID().toString();
        String token = setup.token("packaged-alice", "citizen");
        Map<String, Object> body = Map.of("code", venue.code(direction()), "scanId", scanId);
        String at = Api.call(function(), token, body).statusCode(200).body("status", equalTo("recorded"))
                .body("venueId", equalTo(venue.venueId())).body("direction", equalTo(direction().name()))
                .extract().path("at");
        Api.call(function(), token, body).statusCode(200).body("status", equalTo("duplicate")).body("at", equalTo(at));
        assertEquals(1, stored("packaged-alice", scanId));
        Document scan = setup.collection(StoreCollections.SCANS)
                .find(new Document("_id", ScanIds.of("packaged-alice", scanId))).first();
        assertEquals(venue.venueId(), scan.getString(ScanDocument.VENUE));
        assertEquals(direction().name(), scan.getString(ScanDocument.DIRECTION));
    }

    @Test
    void refusesTheOtherDirectionsCodeAndRecordsNothing() {
        TestVenues.Created venue = setup.venue("Packaged wrong way");
        Direction other = direction() == Direction.IN ? Direction.OUT : Direction.IN;
        long before = allScans();
        Api.problem(Api.call(function(), setup.token("packaged-bob", "citizen"),
                Map.of("code", venue.code(other), "scanId", UUID.randomUUID().toString())), 422,
                CodeRejectedException.WRONG_DIRECTION, "code");
        assertEquals(before, allScans());
    }

    @Test
    void refusesACodeSignedByAnotherKeyAndRecordsNothing() {
        long before = allScans();
        CodeSigner impostor = new CodeSigner(DevKeys.newCodeKey(setup.codeSigner().keyId()));
        String forged = impostor.sign(ForgedCodes.code(setup.venue("Forged").venueId(), direction()));
        Api.problem(Api.call(function(), setup.token("packaged-carol", "citizen"),
                Map.of("code", forged, "scanId", UUID.randomUUID().toString())), 422, null, "code");
        assertEquals(before, allScans());
    }

    @Test
    void answersNothingWithoutATokenOrForAnotherRole() {
        Map<String, Object> body = Map.of("code", "x", "scanId", UUID.randomUUID().toString());
        Api.problem(Api.call(function(), null, body), 401, null, null);
        Api.problem(Api.call(function(), setup.token("packaged-official", "health-official"), body), 403, null, null);
    }
}
