package io.checkin.local.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.checkin.local.openapi.OpenApiDocument.Operation;
import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The answers of the running local stack (every function in one application, as ./local-stack runs it) fit
 * docs/openapi.yaml: each status is one the document lists for the operation, with its media type, and the body fits
 * that answer's schema, problem codes included.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class OpenApiAnswersTest {

    private static final OpenApiDocument DOCUMENT = OpenApiDocument.read();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER = Tokens.venueManager("openapi-manager");
    private static final String OFFICIAL = Tokens.healthOfficial("openapi-official");

    @Test
    void aVenueManagersAnswersFitTheDocument() {
        JsonNode venue = fits("/register-venue", post(MANAGER, Map.of("name", "Spec café", "address", "1 Spec Street",
                "region", "north", "capacity", 30, "formats", List.of("svg"))), 200);
        String venueId = venue.at("/venue/venueId").asText();
        JsonNode bulk = fits("/register-venues", post(MANAGER, Map.of("venues", List.of(Map.of("name", "Spec hall",
                "address", "2 Spec Street", "region", "south")))), 200);
        String other = bulk.at("/venues/0/venue/venueId").asText();
        fits("/venue-codes", post(MANAGER, Map.of("venueId", venueId, "formats", List.of("png", "poster"))), 200);
        fits("/reissue-codes", post(MANAGER, Map.of("venueId", other, "formats", List.of())), 200);
        assertEquals("suspended", fits("/suspend-venue", post(MANAGER, Map.of("venueId", other)), 200)
                .path("status").asText());
        fits("/reactivate-venue", post(MANAGER, Map.of("venueId", other)), 200);
    }

    @Test
    void aScanItsDuplicateAndAScanOutFitTheDocument() {
        Map<String, String> venue = registered("Spec bar");
        String citizen = Tokens.citizen("openapi-scanner");
        Map<String, String> scan = Map.of("code", venue.get("entry"), "scanId", UUID.randomUUID().toString());
        assertEquals("recorded", fits("/scan-in", post(citizen, scan), 200).path("status").asText());
        assertEquals("duplicate", fits("/scan-in", post(citizen, scan), 200).path("status").asText());
        fits("/scan-out", post(citizen, Map.of("code", venue.get("exit"), "scanId", UUID.randomUUID().toString(),
                "clientAt", Instant.now().minusSeconds(5).toString())), 200);
    }

    @Test
    void historyAnswersFitTheDocument() {
        Map<String, String> venue = registered("Spec library");
        String citizen = Tokens.citizen("openapi-reader");
        Api.call("scan-in", citizen, Map.of("code", venue.get("entry"), "scanId", UUID.randomUUID().toString()))
                .statusCode(200);
        JsonNode visits = fits("/my-visits", post(citizen, Map.of("limit", 1)), 200);
        assertEquals(venue.get("id"), visits.at("/visits/0/venueId").asText());
        fits("/venue-visitors", post(OFFICIAL, Map.of("venueId", venue.get("id"))), 200);
        fits("/contacts", post(OFFICIAL, Map.of("subject", "openapi-reader", "format", "csv")), 200);
    }

    @Test
    void theWarmUpAnswersFitTheDocument() {
        fits("/warmup", "get", RestAssured.given().get("/warmup"), 200);
        fits("/warmup", "post", Api.request(null).post("/warmup"), 200);
    }

    @Test
    void refusalsFitTheDocumentWithTheirCodes() {
        Map<String, String> venue = registered("Spec gym");
        String citizen = Tokens.citizen("openapi-refused");
        String scanId = UUID.randomUUID().toString();
        Api.call("scan-in", citizen, Map.of("code", venue.get("entry"), "scanId", scanId)).statusCode(200);
        problem("/scan-in", post(null, Map.of("code", venue.get("entry"), "scanId", scanId)), 401, "unauthorized");
        problem("/scan-in", post(citizen, Map.of("code", venue.get("exit"), "scanId", UUID.randomUUID().toString())),
                422, "code-wrong-direction");
        problem("/scan-in", post(citizen, Map.of("code", venue.get("entry"), "scanId", "not-a-uuid")), 400,
                "invalid-field");
        problem("/scan-out", post(citizen, Map.of("code", venue.get("exit"), "scanId", scanId)), 409, "scan-id-reused");
        problem("/scan-in", Api.request(citizen).contentType("text/plain").body("{}").post("/scan-in"), 415,
                "unsupported-media-type");
        problem("/contacts", post(citizen, Map.of("subject", "someone")), 403, "forbidden");
        problem("/my-visits", post(citizen, Map.of("from", "2026-11-28T00:00:00Z", "to", "2026-11-20T00:00:00Z")), 400,
                "invalid-window");
        problem("/venue-codes", post(MANAGER, Map.of("venueId", "zzzzzzzzzzz")), 404, "venue-not-found");
        problem("/suspend-venue", post(Tokens.venueManager("openapi-other"), Map.of("venueId", venue.get("id"))), 403,
                "not-venue-owner");
        String requestId = UUID.randomUUID().toString();
        post(MANAGER, Map.of("name", "Spec pool", "address", "3 Spec Street", "region", "east", "requestId", requestId,
                "formats", List.of()), "/register-venue").then().statusCode(200);
        problem("/register-venue", post(MANAGER, Map.of("name", "Another pool", "address", "3 Spec Street", "region",
                "east", "requestId", requestId, "formats", List.of())), 409, "request-id-reused");
        problem("/venue-visitors", post(OFFICIAL, Map.of("venueId", "zzzzzzzzzzz")), 404, "venue-not-found");
        problem("/contacts", post(OFFICIAL, Map.of("subject", "someone", "minOverlapMinutes", 0)), 400, "out-of-range");
        problem("/register-venues", post(MANAGER, Map.of("venues", List.of())), 400, "out-of-range");
        problem("/register-venue", post(MANAGER, Map.of("name", "x".repeat(1_100_000))), 413, "body-too-large");
        problem("/warmup", Api.request(null).body("{}").post("/warmup"), 400, "unexpected-body");
        problem("/preheat", Api.request(citizen).post("/preheat"), 403, "forbidden");
        assertEquals("forbidden", fits("/preheat", "get", Api.request(citizen).get("/preheat"), 403).path("code")
                .asText());
    }

    @Test
    void refusalsOfNoOperationFitTheProblemsOfAnyPath() {
        for (Response answer : List.of(Api.request(Tokens.citizen("openapi-lost")).post("/no-such-function"),
                Api.request(Tokens.citizen("openapi-put")).body("{}").put("/scan-in"))) {
            JsonNode body = body(answer);
            assertEquals(String.valueOf(answer.statusCode()), DOCUMENT.problemsOfAnyPath().get(body.path("code").asText()),
                    body.toString());
            assertEquals(List.of(), DOCUMENT.misfits("/components/schemas/Problem", body));
        }
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeIsCaught() {
        Map<String, String> venue = registered("Spec studio");
        Response answer = post(Tokens.citizen("openapi-altered"), Map.of("code", venue.get("entry"), "scanId",
                UUID.randomUUID().toString()), "/scan-in");
        ObjectNode altered = (ObjectNode) fits("/scan-in", answer, 200);
        altered.put("status", "stored");
        assertFalse(DOCUMENT.misfits(schemaOf("/scan-in", "post", 200, "application/json"), altered).isEmpty());
    }

    /** A venue of the manager: its id and its entry and exit code URLs. */
    private static Map<String, String> registered(String name) {
        JsonNode venue = body(post(MANAGER, Map.of("name", name, "address", "9 Spec Street", "region", "west",
                "formats", List.of()), "/register-venue"));
        return Map.of("id", venue.at("/venue/venueId").asText(), "entry", venue.at("/entry/url").asText(), "exit",
                venue.at("/exit/url").asText());
    }

    private static Response post(String token, Object body, String path) {
        return Api.request(token).body(body).post(path);
    }

    /** For the operation named at the call site: {@code fits("/scan-in", post(token, body), 200)}. */
    private static PendingPost post(String token, Object body) {
        return new PendingPost(token, body);
    }

    private record PendingPost(String token, Object body) {
    }

    private static JsonNode fits(String path, PendingPost request, int status) {
        return fits(path, "post", post(request.token(), request.body(), path), status);
    }

    private static JsonNode fits(String path, Response answer, int status) {
        return fits(path, "post", answer, status);
    }

    private static void problem(String path, PendingPost request, int status, String code) {
        problem(path, post(request.token(), request.body(), path), status, code);
    }

    private static void problem(String path, Response answer, int status, String code) {
        JsonNode problem = fits(path, "post", answer, status);
        assertEquals(code, problem.path("code").asText());
        assertEquals(status, problem.path("status").asInt());
    }

    /** Asserts the answer's status and that the document describes it; returns its body. */
    private static JsonNode fits(String path, String method, Response answer, int status) {
        JsonNode body = body(answer);
        assertEquals(status, answer.statusCode(), body.toString());
        String mediaType = answer.contentType().split(";")[0].trim();
        assertEquals(List.of(), DOCUMENT.misfits(schemaOf(path, method, status, mediaType), body),
                method + " " + path + " " + status + ": " + body);
        return body;
    }

    private static String schemaOf(String path, String method, int status, String mediaType) {
        Operation operation = DOCUMENT.operations().stream()
                .filter(op -> op.path().equals(path) && op.method().equals(method)).findFirst().orElseThrow();
        String schema = DOCUMENT.answerSchema(operation, status, mediaType);
        assertNotNull(schema, method + " " + path + " does not document " + status + " " + mediaType);
        return schema;
    }

    private static JsonNode body(Response answer) {
        try {
            return JSON.readTree(answer.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
