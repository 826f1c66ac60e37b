package io.checkin.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.TestVenues;
import io.checkin.testing.Tokens;
import io.checkin.visit.ContactFinder.Contact;
import io.checkin.visit.ContactFinder.VenueExposure;
import io.checkin.visit.Visit;
import io.checkin.visit.model.Properties;
import io.checkin.visit.model.RuleBook;
import io.checkin.visit.model.Scenario;
import io.checkin.visit.model.Scenarios;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every answer of query-history, through HTTP and the store, against the rule book (docs/architecture.md,
 * "Visits", written out in {@link RuleBook}) applied to all of a scenario's scans: 40 people at 8 venues for 6
 * hours, about 500 scans stored in shuffled order, some queued offline for hours, some from phones whose clocks
 * run ahead. Every person's visits and every venue's visitors, in a wide and a narrow window, walked page by page
 * at a page size drawn from the seed; the contacts of 10 people. Fixed seeds first, then new ones for
 * {@link Properties#budget()}.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class AnswersFollowTheRuleBookTest {

    /** Long enough ago that every scan, even one queued offline for a day, is stored and every visit is over. */
    private static final Duration AGO = Duration.ofHours(30);

    private static final List<Integer> PAGE_SIZES = List.of(1, 2, 3, 7, 50, 200);

    @Inject
    TestVenues testVenues;

    @Inject
    StoredScans stored;

    @Test
    void everyAnswerIsTheRuleBooksForTheFixedSeeds() {
        for (long seed = 1; seed <= 2; seed++) {
            check(seed);
        }
    }

    @Test
    void everyAnswerIsTheRuleBooksForNewSeedsUntilTheBudgetIsSpent() {
        Properties.untilSpent(this::check);
    }

    private void check(long seed) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> venues = new ArrayList<>();
        for (int v = 0; v < 8; v++) {
            venues.add(testVenues.create("Venue " + v + " " + run).venueId());
        }
        List<String> people = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            people.add("p" + p + "-" + run);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Scenario scenario = Scenarios.of(seed, people, venues, 6, now.minus(AGO), Duration.ofHours(24),
                Duration.ofMinutes(2));
        stored.scenario(scenario);
        List<Visit> all = new RuleBook(scenario.rules()).visits(scenario.events(), now);
        Random draws = new Random(seed);
        String context = "seed " + seed + " (names end -" + run + "): ";

        for (String person : people) {
            for (Instant[] window : windows(scenario, draws)) {
                int size = PAGE_SIZES.get(draws.nextInt(PAGE_SIZES.size()));
                List<Visit> own = all.stream().filter(v -> v.userSub().equals(person)).toList();
                assertEquals(shown(RuleBook.inWindow(own, window[0], window[1]), false),
                        pages("my-visits", Tokens.citizen(person), window, Map.of(), size),
                        context + "my-visits of " + person + " " + window[0] + " - " + window[1] + ", pages of " + size);
            }
        }
        for (String venue : venues) {
            for (Instant[] window : windows(scenario, draws)) {
                int size = PAGE_SIZES.get(draws.nextInt(PAGE_SIZES.size()));
                List<Visit> there = all.stream().filter(v -> v.venueId().equals(venue)).toList();
                assertEquals(shown(RuleBook.inWindow(there, window[0], window[1]), true),
                        pages("venue-visitors", Tokens.healthOfficial("officer"), window, Map.of("venueId", venue), size),
                        context + "venue-visitors of " + venue + " " + window[0] + " - " + window[1] + ", pages of "
                                + size);
            }
        }
        for (int c = 0; c < 10; c++) {
            String person = people.get(draws.nextInt(people.size()));
            Instant[] window = windows(scenario, draws).get(draws.nextInt(2));
            int minimum = List.of(1, 5, 15, 60).get(draws.nextInt(4));
            List<Contact> expected = RuleBook.contacts(person, all, window[0], window[1], Duration.ofMinutes(minimum));
            JsonPath answer = Api.call("contacts", Tokens.healthOfficial("officer"), Map.of("subject", person,
                    "from", window[0].toString(), "to", window[1].toString(), "minOverlapMinutes", minimum))
                    .statusCode(200).extract().jsonPath();
            assertEquals(expected.stream().map(AnswersFollowTheRuleBookTest::shown).toList(),
                    answer.getList("contacts"), context + "contacts of " + person + " " + window[0] + " - " + window[1]
                            + ", minimum " + minimum);
        }
    }

    /** A window over the whole scenario and a narrow one inside it, to the millisecond. */
    private static List<Instant[]> windows(Scenario s, Random draws) {
        Instant from = s.start().plusMillis((long) (draws.nextDouble() * Duration.between(s.start(), s.end()).toMillis()));
        Instant to = from.plusMillis(draws.nextInt(4) == 0 ? 0 : draws.nextInt(90 * 60_000));
        return List.of(new Instant[] { s.start().minus(Duration.ofHours(6)), s.end().plus(Duration.ofHours(6)) },
                new Instant[] { from, to });
    }

    /** Every visit a query answers, page after page. */
    private static List<Map<String, Object>> pages(String function, String token, Instant[] window,
            Map<String, Object> query, int limit) {
        List<Map<String, Object>> visits = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> body = new HashMap<>(query);
            body.put("limit", limit);
            if (cursor == null) {
                body.put("from", window[0].toString());
                body.put("to", window[1].toString());
            } else {
                body.put("cursor", cursor);
            }
            JsonPath page = Api.call(function, token, body).statusCode(200).extract().jsonPath();
            for (Map<String, Object> v : page.<Map<String, Object>>getList("visits")) {
                Map<String, Object> seen = new HashMap<>(v);
                seen.remove("venueName");
                seen.remove("minutes");
                seen.put("start", Instant.parse((String) v.get("start")));
                seen.put("end", Instant.parse((String) v.get("end")));
                visits.add(seen);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null && visits.size() <= 10_000);
        return visits;
    }

    private static List<Map<String, Object>> shown(List<Visit> visits, boolean withUser) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Visit v : visits) {
            Map<String, Object> m = new HashMap<>(Map.of("venueId", v.venueId(), "start", v.start(), "end", v.end(),
                    "startSource", v.startSource(), "endSource", v.endSource()));
            if (withUser) {
                m.put("userSub", v.userSub());
            }
            shown.add(m);
        }
        return shown;
    }

    private static Map<String, Object> shown(Contact c) {
        List<Map<String, Object>> venues = new ArrayList<>();
        for (VenueExposure v : c.venues()) {
            venues.add(Map.of("venueId", v.venueId(), "overlapMinutes", (int) v.overlapMinutes()));
        }
        return Map.of("userSub", c.userSub(), "totalOverlapMinutes", (int) c.totalOverlapMinutes(), "venues", venues);
    }
}
