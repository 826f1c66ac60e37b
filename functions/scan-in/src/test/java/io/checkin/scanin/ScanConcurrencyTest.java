package io.checkin.scanin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestVenues;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Many scans at once, with retries among them: exactly one record per scan, and each answer is its own. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class ScanConcurrencyTest {

    private static final int DISTINCT = 150;
    private static final int REPEATS = 4;
    private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    @Inject
    TestVenues testVenues;

    @Inject
    StoreCollections collections;

    @Test
    void everyScanIsStoredExactlyOnceAndEveryAnswerIsItsOwn() throws Exception {
        TestVenues.Created venue = testVenues.create("Stadium gate");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            users.add("crowd-" + i); // 10 scans each: within one person's scans per minute
        }
        Map<String, String> tokens = new HashMap<>();
        users.forEach(u -> tokens.put(u, Tokens.citizen(u)));
        List<String[]> requests = new ArrayList<>(); // user, scanId
        for (int i = 0; i < DISTINCT; i++) {
            String scanId = UUID.randomUUID().toString();
            for (int r = 0; r < REPEATS; r++) {
                requests.add(new String[] { users.get(i % users.size()), scanId });
            }
        }
        Collections.shuffle(requests, new java.util.Random(7));

        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(32)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (String[] request : requests) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/scan-in"))
                    .header("Authorization", "Bearer " + tokens.get(request[0]))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"code\":\"" + venue.entry() + "\",\"scanId\":\"" + request[1] + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }

        Map<String, List<String>> statuses = new HashMap<>();
        Map<String, java.util.Set<String>> times = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            HttpResponse<String> answer = answers.get(i).join();
            assertEquals(200, answer.statusCode(), answer.body());
            statuses.computeIfAbsent(requests.get(i)[1], k -> new ArrayList<>()).add(group(STATUS, answer.body()));
            times.computeIfAbsent(requests.get(i)[1], k -> new java.util.HashSet<>()).add(group(AT, answer.body()));
        }
        for (Map.Entry<String, List<String>> scan : statuses.entrySet()) {
            assertEquals(1, Collections.frequency(scan.getValue(), "recorded"), scan.toString());
            assertEquals(REPEATS - 1, Collections.frequency(scan.getValue(), "duplicate"), scan.toString());
            assertEquals(1, times.get(scan.getKey()).size(), "every answer gives the time of the one record");
        }
        assertEquals(DISTINCT, collections.scans().countDocuments(new Document("venueId", venue.venueId())));
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "missing in " + body;
    }
}
