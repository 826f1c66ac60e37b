package io.checkin.history;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.PageOriginContract;
import io.checkin.testing.StoreCounts;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestVenues;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class QueryHistoryTest implements PageOriginContract {

    @Override
    public String pagePath() {
        return "/my-visits";
    }


    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    TestVenues testVenues;

    @Inject
    StoredScans scans;

    @Inject
    StoreCollections collections;

    private TestVenues.Created venue;
    private String anna;
    private String ben;

    @BeforeEach
    void visits() {
        venue = testVenues.create("Library");
        anna = "anna-" + venue.venueId();
        ben = "ben-" + venue.venueId();
        scans.visit(anna, venue.venueId(), NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(2)));
        scans.visit(ben, venue.venueId(), NOW.minus(Duration.ofMinutes(150)), NOW.minus(Duration.ofMinutes(90)));
    }

    @Test
    void aCitizenSeesTheirOwnVisitsAndNoOneElses() {
        Api.call("my-visits", Tokens.citizen(anna), Map.of()).statusCode(200)
                .body("visits", hasSize(1)).body("visits[0].venueId", equalTo(venue.venueId()))
                .body("visits[0].venueName", equalTo("Library")).body("visits[0].minutes", equalTo(60))
                .body("visits[0].startSource", equalTo("scanned")).body("visits[0].endSource", equalTo("scanned"))
                .body("visits[0].userSub", nullValue()).body("$", not(hasKey("nextCursor")));
        Api.call("my-visits", Tokens.citizen(ben), Map.of("subject", anna)).statusCode(200)
                .body("visits", hasSize(1)).body("visits[0].minutes", equalTo(60))
                .body("visits[0].start", equalTo(NOW.minus(Duration.ofMinutes(150)).toString()));
    }

    @Test
    void aCitizenCannotListAVenuesVisitors() {
        Api.problem(Api.call("venue-visitors", Tokens.citizen(anna), Map.of("venueId", venue.venueId())), 403,
                "forbidden", null);
    }

    @Test
    void aCitizenCannotListContacts() {
        Api.problem(Api.call("contacts", Tokens.citizen(anna), Map.of("subject", ben)), 403, "forbidden", null);
    }

    @Test
    void aVenueManagerCannotReadHistories() {
        Api.problem(Api.call("my-visits", Tokens.venueManager(anna), Map.of()), 403, "forbidden", null);
    }

    @Test
    void anOfficialListsAVenuesVisitorsWithWhoTheyAre() {
        JsonPath page = Api.call("venue-visitors", Tokens.healthOfficial("officer"), Map.of("venueId", venue.venueId()))
                .statusCode(200).body("visits", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(ben, anna), page.getList("visits.userSub"));
    }

    @Test
    void anOfficialFindsTheContactsOfACaseAlsoAsCsv() {
        Api.call("contacts", Tokens.healthOfficial("officer"), Map.of("subject", anna, "format", "csv")).statusCode(200)
                .body("contacts", hasSize(1)).body("contacts[0].userSub", equalTo(ben))
                .body("contacts[0].totalOverlapMinutes", equalTo(30))
                .body("csv", startsWith(ContactsCsv.HEADER + "\r\n" + ben + ",30," + venue.venueId() + ",30\r\n"));
        Api.call("contacts", Tokens.healthOfficial("officer"), Map.of("subject", anna, "minOverlapMinutes", 31))
                .statusCode(200).body("contacts", hasSize(0)).body("csv", nullValue());
    }

    @Test
    void anUnknownVenueIsNotFound() {
        Api.problem(Api.call("venue-visitors", Tokens.healthOfficial("officer"), Map.of("venueId", "AAAAAAAAAAA")), 404,
                "venue-not-found", null);
    }

    @Test
    void pagesReturnEveryVisitExactlyOnceNewestFirst() {
        String pager = "pager-" + venue.venueId();
        for (int i = 0; i < 25; i++) {
            Instant start = NOW.minus(Duration.ofHours(2L * i + 1));
            scans.in(pager, venue.venueId(), start);
            scans.out(pager, venue.venueId(), start.plus(Duration.ofMinutes(20)));
        }
        Pages pages = pages("my-visits", Tokens.citizen(pager), Map.of(), 7);
        List<String> starts = pages.visits().stream().map(v -> (String) v.get("start")).toList();
        assertEquals(4, pages.count());
        assertEquals(25, starts.size());
        assertEquals(25, new HashSet<>(starts).size());
        List<String> sorted = new ArrayList<>(starts);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, starts);
    }

    @Test
    void twoVisitsAtOneVenueStartingAtOneInstantAreBothOnSomePageWhateverThePageSize() {
        // an entry ended by an entry elsewhere, and the exit that follows without its entry: the exit's visit is
        // assumed to start 30 minutes before it, the very instant the first visit started
        String person = "same-start-" + venue.venueId();
        TestVenues.Created other = testVenues.create("Bakery");
        Instant start = NOW.minus(Duration.ofHours(4));
        scans.in(person, venue.venueId(), start);
        scans.in(person, other.venueId(), start.plus(Duration.ofMinutes(20)));
        scans.out(person, venue.venueId(), start.plus(Duration.ofMinutes(30)));

        List<Map<String, Object>> all = Api.call("my-visits", Tokens.citizen(person), Map.of("limit", 200)).statusCode(200)
                .extract().jsonPath().getList("visits");
        assertEquals(3, all.size(), all.toString());
        for (int limit = 1; limit <= 3; limit++) {
            assertEquals(all, pages("my-visits", Tokens.citizen(person), Map.of(), limit).visits(), "pages of " + limit);
        }
        for (int limit = 1; limit <= 2; limit++) {
            List<Map<String, Object>> atVenue = pages("venue-visitors", Tokens.healthOfficial("o"),
                    Map.of("venueId", venue.venueId(), "from", start.minus(Duration.ofMinutes(1)).toString(),
                            "to", start.plus(Duration.ofHours(1)).toString()), limit).visits();
            assertEquals(2, atVenue.stream().filter(v -> person.equals(v.get("userSub"))).count(),
                    "pages of " + limit + ": " + atVenue);
        }
    }

    @Test
    void enteringTheNextVenueAMomentBeforeLeavingThisOneKeepsBothStays() {
        String person = "next-door-" + venue.venueId();
        TestVenues.Created next = testVenues.create("Next door");
        Instant start = NOW.minus(Duration.ofHours(5));
        scans.in(person, venue.venueId(), start);
        scans.in(person, next.venueId(), start.plus(Duration.ofMillis(50 * 60_000 + 100)));
        scans.out(person, venue.venueId(), start.plus(Duration.ofMillis(50 * 60_000 + 900)));
        scans.out(person, next.venueId(), start.plus(Duration.ofMinutes(59)));

        JsonPath visits = Api.call("my-visits", Tokens.citizen(person), Map.of()).statusCode(200).extract().jsonPath();
        assertEquals(List.of(next.venueId(), venue.venueId()), visits.getList("visits.venueId"));
        assertEquals(List.of("scanned", "scanned"), visits.getList("visits.endSource"));
        assertEquals(List.of(8, 50), visits.getList("visits.minutes")); // 8 min 59.9 s, in whole minutes
    }

    @Test
    void repeatedExitsCountOnceWhileEachIsWithinTheMergeWindowOfTheOneBefore() {
        String person = "exits-" + venue.venueId();
        Instant start = NOW.minus(Duration.ofHours(6));
        scans.in(person, venue.venueId(), start);
        for (int minutes : new int[] { 20, 25, 31 }) {
            scans.out(person, venue.venueId(), start.plus(Duration.ofMinutes(minutes)));
        }
        Api.call("my-visits", Tokens.citizen(person), Map.of()).statusCode(200).body("visits", hasSize(1))
                .body("visits[0].start", equalTo(start.toString()))
                .body("visits[0].end", equalTo(start.plus(Duration.ofMinutes(20)).toString()))
                .body("visits[0].endSource", equalTo("scanned"));
    }

    @Test
    void aContactsMinutesAtEachVenueAddUpToTheTotal() {
        // 15.5 minutes together at each of two venues: 15 and 15, total 30 (not the 31 of the exact sum)
        String sick = "sick-" + venue.venueId();
        String near = "near-" + venue.venueId();
        TestVenues.Created other = testVenues.create("Pool");
        Instant start = NOW.minus(Duration.ofHours(8));
        for (TestVenues.Created at : List.of(venue, other)) {
            Instant begin = at == venue ? start : start.plus(Duration.ofHours(2));
            scans.visit(sick, at.venueId(), begin, begin.plus(Duration.ofMinutes(60)));
            scans.visit(near, at.venueId(), begin.plus(Duration.ofSeconds(44 * 60 + 30)), begin.plus(Duration.ofMinutes(90)));
        }
        Api.call("contacts", Tokens.healthOfficial("officer"), Map.of("subject", sick)).statusCode(200)
                .body("contacts", hasSize(1)).body("contacts[0].userSub", equalTo(near))
                .body("contacts[0].totalOverlapMinutes", equalTo(30))
                .body("contacts[0].venues.overlapMinutes", equalTo(List.of(15, 15)));
    }

    /** The visits of every page a query answers, and how many pages there were. */
    private record Pages(List<Map<String, Object>> visits, int count) {
    }

    /** Every visit a query answers, page after page of {@code limit}. */
    private static Pages pages(String function, String token, Map<String, Object> query, int limit) {
        List<Map<String, Object>> visits = new ArrayList<>();
        String cursor = null;
        for (int pages = 1; pages <= 20; pages++) {
            Map<String, Object> body = new HashMap<>(query);
            body.put("limit", limit);
            if (cursor != null) {
                body.put("cursor", cursor);
            }
            JsonPath page = Api.call(function, token, body).statusCode(200).extract().jsonPath();
            visits.addAll(page.getList("visits"));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return new Pages(visits, pages);
            }
        }
        throw new AssertionError("more than 20 pages");
    }

    @Test
    void badWindowsAndLimitsNameTheField() {
        String token = Tokens.citizen(anna);
        Api.problem(Api.call("my-visits", token, Map.of("from", NOW.toString(), "to", NOW.minusSeconds(60).toString())),
                400, "invalid-window", "from");
        Api.problem(Api.call("my-visits", token, Map.of("from", NOW.minus(Duration.ofDays(40)).toString(), "to",
                NOW.toString())), 400, "window-too-long", "to");
        Api.problem(Api.call("my-visits", token, Map.of("from", "last tuesday")), 400, "invalid-type", "from");
        Api.problem(Api.call("my-visits", token, Map.of("limit", 0)), 400, "out-of-range", "limit");
        Api.problem(Api.call("my-visits", token, Map.of("limit", 201)), 400, "out-of-range", "limit");
        Api.problem(Api.call("my-visits", token, Map.of("cursor", "not-a-cursor")), 400, "invalid-field", "cursor");
        Api.problem(Api.call("contacts", Tokens.healthOfficial("o"), Map.of("subject", anna, "format", "xml")), 400,
                "invalid-field", "format");
        Api.problem(Api.call("contacts", Tokens.healthOfficial("o"), Map.of()), 400, "missing-field", "subject");
        Api.problem(Api.call("venue-visitors", Tokens.healthOfficial("o"), Map.of("venueId", "x")), 400, "invalid-field",
                "venueId");
    }

    @Test
    void windowsAreIsoTextWithAnOffsetInEveryQueryAndAWrongOneRecordsNothing() {
        Map<String, String> tokens = Map.of("my-visits", Tokens.citizen(anna), "venue-visitors",
                Tokens.healthOfficial("o"), "contacts", Tokens.healthOfficial("o"));
        Map<String, String> bodies = Map.of("my-visits", "", "venue-visitors",
                "\"venueId\":\"" + venue.venueId() + "\",", "contacts", "\"subject\":\"" + anna + "\",");
        String today = NOW.toString().substring(0, 10);
        for (String function : tokens.keySet()) {
            for (String field : new String[] { "from", "to" }) {
                for (String raw : new String[] { "12345", "1.5", "true", "\"\"", "\"  \"", "\"" + today + "\"",
                        "\"" + NOW.toString().replace("Z", "") + "\"", "\" " + NOW + "\"", "[\"" + NOW + "\"]" }) {
                    rejected(function, tokens.get(function), "{" + bodies.get(function) + "\"" + field + "\":" + raw + "}",
                            "invalid-type", field);
                }
            }
            rejected(function, tokens.get(function), "{" + bodies.get(function) + "\"from\":\"" + NOW.minusSeconds(60)
                    + "\"}{\"from\":{\"$gt\":0}}", "malformed-json", null);
        }
        for (String cursor : new String[] { "\"\"", "\"  \"" }) {
            rejected("my-visits", Tokens.citizen(anna), "{\"cursor\":" + cursor + "}", "blank-field", "cursor");
        }
    }

    private void rejected(String function, String token, String body, String code, String field) {
        StoreCounts.unchangedBy(collections, function + " " + body,
                () -> Api.problem(Api.callRaw(function, token, body), 400, code, field));
    }

    @Test
    void aCursorOnlyServesItsOwnWindow() {
        String pager = "window-" + venue.venueId();
        for (int i = 0; i < 3; i++) {
            scans.in(pager, venue.venueId(), NOW.minus(Duration.ofHours(i + 1)));
        }
        String cursor = Api.call("my-visits", Tokens.citizen(pager), Map.of("limit", 1)).statusCode(200).extract()
                .path("nextCursor");
        Api.problem(Api.call("my-visits", Tokens.citizen(pager), Map.of("cursor", cursor, "from",
                NOW.minus(Duration.ofDays(1)).toString())), 400, "invalid-field", "cursor");
    }
}
