package io.checkin.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Bulkhead;

import io.checkin.audit.Disclosure;
import io.checkin.audit.DisclosureLog;
import io.checkin.error.Fields;
import io.checkin.error.ProblemException;
import io.checkin.store.ScanClock;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueStore;

/**
 * History queries: a person's own visits, a venue's visitors, the contacts of a case. Visits are derived
 * from the scans when read. A bulkhead bounds how many queries run at once per instance: one more is
 * refused at once (429 with Retry-After) rather than queued, so slow queries cannot pile up. What an official
 * is shown of other people is recorded before it is returned ({@link DisclosureLog}).
 */
@ApplicationScoped
@Bulkhead // checkin.history.concurrent-queries (META-INF/microprofile-config.properties)
public class HistoryService {

    @Inject
    ScanReader scans;

    @Inject
    VenueStore venues;

    @Inject
    VisitConfig visitConfig;

    @Inject
    HistoryConfig config;

    @Inject
    ScanClock scanClock;

    @Inject
    DisclosureLog disclosures;

    @Inject
    Clock clock;

    public record Query(Instant from, Instant to, Integer limit, String cursor) {
    }

    public VisitPage myVisits(String userSub, Query query) {
        Paging paging = paging(query);
        List<Visit> visits = derive(scans.ofUser(userSub, eventsFrom(paging.window), eventsTo(paging.window)));
        return page(visits, paging, v -> true, false);
    }

    public VisitPage venueVisitors(String official, String venueId, Query query) {
        Paging paging = paging(query);
        if (venues.find(venueId).isEmpty()) {
            throw ProblemException.notFound("venue-not-found", "No venue " + venueId);
        }
        List<Visit> visits = visitorsAt(venueId, paging.window);
        VisitPage page = page(visits, paging, v -> v.venueId().equals(venueId), true);
        disclosures.record(new Disclosure(clock.instant(), official, Disclosure.VENUE_VISITORS, venueId, null,
                paging.window.from(), paging.window.to(), page.visits().size()));
        return page;
    }

    public List<ContactFinder.Contact> contacts(String official, String caseSub, Instant from, Instant to,
            Duration minOverlap) {
        Window window = Window.of(from, to, clock.instant(), config);
        List<ContactFinder.Contact> contacts = contactsIn(caseSub, window, minOverlap);
        disclosures.record(new Disclosure(clock.instant(), official, Disclosure.CONTACTS, null, caseSub, window.from(),
                window.to(), contacts.size()));
        return contacts;
    }

    private List<ContactFinder.Contact> contactsIn(String caseSub, Window window, Duration minOverlap) {
        List<Visit> caseVisits = derive(scans.ofUser(caseSub, eventsFrom(window), eventsTo(window))).stream()
                .filter(v -> v.overlaps(window.from(), window.to())).toList();
        List<Visit> others = new ArrayList<>();
        Map<String, List<Visit>> byVenue = new HashMap<>();
        caseVisits.forEach(v -> byVenue.computeIfAbsent(v.venueId(), k -> new ArrayList<>()).add(v));
        byVenue.forEach((venueId, atVenue) -> {
            Instant start = atVenue.stream().map(Visit::start).min(Instant::compareTo).orElseThrow();
            Instant end = atVenue.stream().map(Visit::end).max(Instant::compareTo).orElseThrow();
            others.addAll(visitorsAt(venueId, new Window(start, end)));
        });
        return ContactFinder.find(caseSub, caseVisits, others, minOverlap);
    }

    /** Everyone's visits at the venue that overlap the window, derived from each visitor's own scans. */
    private List<Visit> visitorsAt(String venueId, Window window) {
        VisitRules rules = visitConfig.rules();
        // a visit there that overlaps the window has its entry, or its exit, there within its length of the window
        Set<String> visitors = scans.usersAt(venueId, storedFrom(window.from().minus(rules.longestVisit())),
                storedTo(window.to().plus(rules.longestVisit())));
        if (visitors.isEmpty()) {
            return List.of();
        }
        return derive(scans.ofUsers(visitors, eventsFrom(window), eventsTo(window))).stream()
                .filter(v -> v.venueId().equals(venueId) && v.overlaps(window.from(), window.to())).toList();
    }

    private List<Visit> derive(List<ScanEvent> events) {
        return new VisitDeriver(visitConfig.rules()).deriveAll(events, clock.instant());
    }

    /** The stored scans that decide the visits overlapping the window start here (VisitRules#reachBefore). */
    private Instant eventsFrom(Window window) {
        return storedFrom(window.from().minus(visitConfig.rules().reachBefore()));
    }

    /** ... and end here (VisitRules#reachAfter). */
    private Instant eventsTo(Window window) {
        return storedTo(window.to().plus(visitConfig.rules().reachAfter()));
    }

    /**
     * Scans are read by the server's time they were stored at: a scan made at {@code time} on a phone whose clock
     * runs ahead by up to the clock skew was stored no earlier than {@code time} minus the skew...
     */
    private Instant storedFrom(Instant time) {
        return time.minus(scanClock.clockSkew());
    }

    /** ... and one queued offline arrives at most clientAt-max-age after it was made. */
    private Instant storedTo(Instant time) {
        return time.plus(scanClock.clientAtMaxAge());
    }

    private record Paging(Window window, int limit, PageCursor after) {
    }

    private Paging paging(Query query) {
        int limit = query.limit() == null ? config.defaultLimit()
                : Fields.range(query.limit(), "limit", 1, config.maxLimit());
        if (query.cursor() == null) {
            return new Paging(Window.of(query.from(), query.to(), clock.instant(), config), limit, null);
        }
        PageCursor cursor = PageCursor.decode(Fields.text(query.cursor(), "cursor", PageCursor.MAX_LENGTH));
        return new Paging(cursor.window(query.from(), query.to()), limit, cursor);
    }

    private VisitPage page(List<Visit> derived, Paging paging, Predicate<Visit> keep, boolean withUser) {
        List<Visit> sorted = derived.stream().filter(keep)
                .filter(v -> v.overlaps(paging.window.from(), paging.window.to()))
                .filter(v -> paging.after == null || paging.after.isBefore(v))
                .sorted(PageCursor.ORDER).toList();
        List<Visit> page = sorted.subList(0, Math.min(paging.limit, sorted.size()));
        Map<String, String> names = new HashMap<>();
        for (Venue venue : venues.findAll(page.stream().map(Visit::venueId).distinct().toList())) {
            names.put(venue.id(), venue.name());
        }
        String next = sorted.size() > page.size() ? PageCursor.after(page.get(page.size() - 1), paging.window).encode()
                : null;
        return new VisitPage(page.stream().map(v -> VisitView.of(v, names.get(v.venueId()), withUser)).toList(), next);
    }
}
