package io.checkin.visit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.checkin.visit.ContactFinder.Contact;
import io.checkin.visit.model.Properties;
import io.checkin.visit.model.RuleBook;
import io.checkin.visit.model.Scenario;
import io.checkin.visit.model.Scenarios;
import io.checkin.visit.model.Shrink;

/**
 * The derivation and the contact finder against the rule book (docs/architecture.md, "Visits", written out in
 * {@link RuleBook}), on seeded random scenarios under random durations: the same seeds on every run, then new
 * ones for {@link Properties#budget()}. A failure names the seed and the scans of the smallest scenario that
 * still fails, to keep as a regression test.
 */
class RuleBookPropertiesTest {

    private static final int FIXED_SEEDS = 400;

    @Test
    void visitsAndContactsAreWhatTheRuleBookSaysForTheFixedSeeds() {
        for (long seed = 1; seed <= FIXED_SEEDS; seed++) {
            check(Scenarios.small(seed));
        }
    }

    @Test
    void visitsAndContactsAreWhatTheRuleBookSaysForNewSeedsUntilTheBudgetIsSpent() {
        Properties.untilSpent(seed -> check(Scenarios.small(seed)));
    }

    private static final Map<String, Function<Scenario, String>> PROPERTIES = new TreeMap<>(Map.of(
            "1 every person's visits are the rule book's, whatever order the scans arrive in",
            RuleBookPropertiesTest::derivation,
            "2 visits are in a total page order, never end before they start nor last longer than the longest visit",
            RuleBookPropertiesTest::order,
            "3 the scans within the reach of a window decide its visits as all scans do",
            RuleBookPropertiesTest::reach,
            "4 contacts are the rule book's",
            RuleBookPropertiesTest::contacts,
            "5 over a window covering everything, contacts are symmetric",
            RuleBookPropertiesTest::symmetry));

    private static void check(Scenario scenario) {
        PROPERTIES.forEach((name, property) -> {
            String failure = property.apply(scenario);
            if (failure != null) {
                Scenario small = Shrink.failing(scenario, s -> property.apply(s) != null);
                fail("Property '" + name + "' fails for " + small.describe() + property.apply(small)
                        + "\n(the whole scenario: " + failure + ")");
            }
        });
    }

    /** What the scenario's own seed draws for the checks: now, windows, minimum overlaps. */
    private static Random draws(Scenario s) {
        return new Random(s.seed() * 31 + 7);
    }

    private static Instant now(Scenario s, Random r) {
        // no scan is made after now; mostly long after the last, sometimes while the last visits are still open
        Instant last = s.events().stream().map(ScanEvent::time).max(Instant::compareTo).orElse(s.end());
        return r.nextInt(4) == 0 ? last.plus(Duration.ofMillis(r.nextInt((int) s.rules().maxStay().toMillis())))
                : last.plus(Duration.ofDays(1));
    }

    private static String derivation(Scenario s) {
        Instant now = now(s, draws(s));
        List<ScanEvent> arriving = new ArrayList<>(s.events());
        Collections.shuffle(arriving, draws(s));
        List<Visit> derived = sorted(new VisitDeriver(s.rules()).deriveAll(arriving, now));
        List<Visit> expected = sorted(new RuleBook(s.rules()).visits(s.events(), now));
        return derived.equals(expected) ? null : difference(expected, derived);
    }

    private static String order(Scenario s) {
        List<Visit> derived = sorted(new VisitDeriver(s.rules()).deriveAll(s.events(), now(s, draws(s))));
        List<Visit> byRuleBook = new ArrayList<>(derived);
        byRuleBook.sort(RuleBook.PAGE_ORDER);
        if (!byRuleBook.equals(derived)) {
            return "the page order is not rule 7's: " + derived;
        }
        for (int i = 0; i < derived.size(); i++) {
            Visit v = derived.get(i);
            if (v.end().isBefore(v.start()) || Duration.between(v.start(), v.end()).compareTo(s.rules().longestVisit()) > 0) {
                return "visit of a wrong length: " + v;
            }
            if (i > 0 && PageCursor.ORDER.compare(derived.get(i - 1), v) == 0) {
                return "two visits the page order cannot tell apart: " + v;
            }
        }
        return null;
    }

    private static String reach(Scenario s) {
        Random r = draws(s);
        Instant now = now(s, r);
        List<Visit> all = new RuleBook(s.rules()).visits(s.events(), now);
        for (int w = 0; w < 6; w++) {
            Instant from = s.start().plus(Duration.ofMillis((long) (r.nextDouble() * Duration.between(s.start(), s.end()).toMillis())));
            Instant to = from.plus(Duration.ofMillis(r.nextInt(3) == 0 ? 0 : r.nextInt(3 * 3600_000)));
            Instant readFrom = from.minus(s.rules().reachBefore());
            Instant readTo = to.plus(s.rules().reachAfter());
            List<ScanEvent> read = s.events().stream()
                    .filter(e -> !e.time().isBefore(readFrom) && !e.time().isAfter(readTo)).toList();
            List<Visit> derived = RuleBook.inWindow(new VisitDeriver(s.rules()).deriveAll(read, now), from, to);
            List<Visit> expected = RuleBook.inWindow(all, from, to);
            if (!derived.equals(expected)) {
                return "window " + from + " - " + to + ": " + difference(expected, derived);
            }
        }
        return null;
    }

    private static String contacts(Scenario s) {
        Random r = draws(s);
        Instant now = now(s, r);
        List<Visit> all = new VisitDeriver(s.rules()).deriveAll(s.events(), now);
        for (String person : s.people()) {
            Instant from = s.start().plus(Duration.ofMinutes(r.nextInt(120)));
            Instant to = from.plus(Duration.ofMinutes(r.nextInt(8 * 60)));
            Duration minimum = Duration.ofMinutes(List.of(0, 1, 5, 15, 60).get(r.nextInt(5)));
            List<Visit> caseVisits = all.stream()
                    .filter(v -> v.userSub().equals(person) && v.overlaps(from, to)).toList();
            List<Contact> found = ContactFinder.find(person, caseVisits, all, minimum);
            List<Contact> expected = RuleBook.contacts(person, all, from, to, minimum);
            if (!found.equals(expected)) {
                return "contacts of " + person + " " + from + " - " + to + " minimum " + minimum + ":\n  rule book "
                        + expected + "\n  found     " + found;
            }
        }
        return null;
    }

    private static String symmetry(Scenario s) {
        Random r = draws(s);
        List<Visit> all = new VisitDeriver(s.rules()).deriveAll(s.events(), now(s, r));
        Duration minimum = Duration.ofMinutes(List.of(0, 1, 15).get(r.nextInt(3)));
        Map<String, Map<String, Contact>> contactsOf = new TreeMap<>();
        for (String person : s.people()) {
            List<Visit> own = all.stream().filter(v -> v.userSub().equals(person)).toList();
            Map<String, Contact> theirs = new TreeMap<>();
            ContactFinder.find(person, own, all, minimum).forEach(c -> theirs.put(c.userSub(), c));
            contactsOf.put(person, theirs);
        }
        for (String a : s.people()) {
            for (Contact b : contactsOf.get(a).values()) {
                Contact back = contactsOf.get(b.userSub()).get(a);
                if (back == null || !new TreeMap<>(minutes(back)).equals(new TreeMap<>(minutes(b)))) {
                    return a + " has contact " + b + " but " + b.userSub() + " has " + back;
                }
            }
        }
        return null;
    }

    private static Map<String, Long> minutes(Contact c) {
        Map<String, Long> m = new TreeMap<>();
        c.venues().forEach(v -> m.put(v.venueId(), v.overlapMinutes()));
        return m;
    }

    private static List<Visit> sorted(List<Visit> visits) {
        List<Visit> copy = new ArrayList<>(visits);
        copy.sort(PageCursor.ORDER);
        return copy;
    }

    private static String difference(List<Visit> expected, List<Visit> actual) {
        List<Visit> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<Visit> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        return "\n  missing " + missing + "\n  extra   " + extra;
    }
}
