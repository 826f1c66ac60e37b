package io.checkin.generate;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import io.checkin.auth.Caller;
import io.checkin.auth.Roles;
import io.checkin.error.Fields;
import io.checkin.generate.VenueDraft;
import io.checkin.generate.VenueService;
import io.checkin.venue.VenueIds;
import io.checkin.venue.VenueStatus;
import io.quarkus.funqy.Funq;

/**
 * The generate-code function: venue managers register venues and get their entry and exit codes.
 * The HTTP permission policy answers 401/403 before any of this runs; {@code @RolesAllowed} is the second lock.
 */
@RolesAllowed(Roles.VENUE_MANAGER)
public class GenerateCodeFunctions {

    static final int MAX_BULK = 1000;

    @Inject
    VenueService venues;

    @Inject
    VenueCodes codes;

    @Inject
    Caller caller;


    @Funq("register-venue")
    public VenueWithCodes registerVenue(RegisterVenueRequest request) {
        Fields.required(request, "body");
        VenueDraft draft = request.draft().validated("");
        var formats = FormatSelection.of(request.formats(), FormatSelection.ALL);
        String requestId = requestId(request.requestId());
        return codes.withCodes(() -> venues.register(caller.subject(), draft, requestId), formats);
    }

    @Funq("register-venues")
    public BulkRegistration registerVenues(BulkRegisterRequest request) {
        Fields.required(request, "body");
        List<VenueDraft> drafts = Fields.list(request.venues(), "venues", 1, MAX_BULK);
        List<VenueDraft> valid = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            valid.add(drafts.get(i).validated("venues[" + i + "]."));
        }
        var formats = FormatSelection.of(request.formats(), FormatSelection.NONE);
        String requestId = requestId(request.requestId());
        List<VenueWithCodes> registered = codes.allWithCodes(valid.size(),
                () -> venues.registerAll(caller.subject(), valid, requestId), formats);
        return new BulkRegistration(registered.size(), registered);
    }

    @Funq("reissue-codes")
    public VenueWithCodes reissueCodes(VenueRequest request) {
        String venueId = venueId(request);
        var formats = FormatSelection.of(request.formats(), FormatSelection.ALL);
        String requestId = requestId(request.requestId());
        return codes.withCodes(() -> venues.reissue(caller.subject(), venueId, requestId), formats);
    }

    @Funq("venue-codes")
    public VenueWithCodes venueCodes(VenueRequest request) {
        String venueId = venueId(request);
        var formats = FormatSelection.of(request.formats(), FormatSelection.ALL);
        return codes.withCodes(() -> venues.owned(caller.subject(), venueId), formats);
    }

    @Funq("suspend-venue")
    public VenueSummary suspendVenue(VenueRequest request) {
        return VenueSummary.of(venues.setStatus(caller.subject(), venueId(request), VenueStatus.SUSPENDED));
    }

    @Funq("reactivate-venue")
    public VenueSummary reactivateVenue(VenueRequest request) {
        return VenueSummary.of(venues.setStatus(caller.subject(), venueId(request), VenueStatus.ACTIVE));
    }

    /** The request's id in its canonical form, or null when the client sent none. */
    private static String requestId(String value) {
        return value == null ? null : Fields.uuid(value, "requestId");
    }

    private static String venueId(VenueRequest request) {
        Fields.required(request, "body");
        return VenueIds.required(request.venueId());
    }
}
