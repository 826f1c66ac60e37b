package io.checkin.history;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import io.checkin.auth.Caller;
import io.checkin.auth.Roles;
import io.checkin.error.Fields;
import io.checkin.error.ProblemException;
import io.checkin.venue.VenueIds;
import io.checkin.visit.ContactFinder;
import io.checkin.visit.HistoryService;
import io.checkin.visit.VisitPage;
import io.quarkus.funqy.Funq;

/**
 * The query-history function. A citizen reads only their own visits: my-visits takes no subject, it reads
 * the token's. Venue visitors and contacts are for health officials, and each answer is recorded with the
 * official's subject before it is given.
 */
public class QueryHistoryFunctions {

    static final int DEFAULT_MIN_OVERLAP = 15;

    @Inject
    HistoryService history;

    @Inject
    Caller caller;

    @Funq("my-visits")
    @RolesAllowed(Roles.CITIZEN)
    public VisitPage myVisits(MyVisitsRequest request) {
        MyVisitsRequest body = request == null ? new MyVisitsRequest(null, null, null, null) : request;
        return history.myVisits(caller.subject(), new HistoryService.Query(body.from(), body.to(), body.limit(),
                body.cursor()));
    }

    @Funq("venue-visitors")
    @RolesAllowed(Roles.HEALTH_OFFICIAL)
    public VisitPage venueVisitors(VenueVisitorsRequest request) {
        Fields.required(request, "body");
        return history.venueVisitors(caller.subject(), VenueIds.required(request.venueId()),
                new HistoryService.Query(request.from(), request.to(), request.limit(), request.cursor()));
    }

    @Funq("contacts")
    @RolesAllowed(Roles.HEALTH_OFFICIAL)
    public ContactsAnswer contacts(ContactsRequest request) {
        Fields.required(request, "body");
        String subject = Fields.text(request.subject(), "subject", Caller.MAX_SUBJECT);
        int minOverlap = request.minOverlapMinutes() == null ? DEFAULT_MIN_OVERLAP
                : Fields.range(request.minOverlapMinutes(), "minOverlapMinutes", 1, 24 * 60);
        boolean csv = request.format() != null && checkFormat(request.format());
        List<ContactFinder.Contact> contacts = history.contacts(caller.subject(), subject, request.from(), request.to(),
                Duration.ofMinutes(minOverlap));
        return new ContactsAnswer(subject, minOverlap, contacts, csv ? ContactsCsv.of(contacts) : null);
    }

    private static boolean checkFormat(String format) {
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ProblemException.badRequest("invalid-field", "format", "format is json or csv");
        };
    }
}
