package io.checkin.generate;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.code.CodeFormat;
import io.checkin.code.Direction;
import io.checkin.venue.Venue;

/**
 * Pairs venues with freshly signed entry and exit codes, signed in the request's lane (VenueLanes), which is settled
 * before anything is written. Room for their images is reserved (RenderBudget) before the
 * venues are read or written, so a request refused for its images changes nothing.
 */
@ApplicationScoped
class VenueCodes {

    /** Every venue has two codes: entry and exit. */
    private static final int CODES_PER_VENUE = Direction.values().length;

    @Inject
    VenueLanes lanes;

    @Inject
    RenderBudget renders;

    /** The venue {@code write} returns (registered, re-issued or read) with its codes. */
    VenueWithCodes withCodes(Supplier<Venue> write, Set<CodeFormat> formats) {
        CodeIssuer issuer = lanes.current().issuer();
        try (var room = renders.reserve(CODES_PER_VENUE, formats)) {
            return withCodes(write.get(), issuer, formats);
        }
    }

    /** The {@code count} venues {@code write} returns, each with its codes. */
    List<VenueWithCodes> allWithCodes(int count, Supplier<List<Venue>> write, Set<CodeFormat> formats) {
        CodeIssuer issuer = lanes.current().issuer();
        try (var room = renders.reserve(CODES_PER_VENUE * count, formats)) {
            return write.get().stream().map(venue -> withCodes(venue, issuer, formats)).toList();
        }
    }

    private static VenueWithCodes withCodes(Venue venue, CodeIssuer issuer, Set<CodeFormat> formats) {
        return new VenueWithCodes(VenueSummary.of(venue), issuer.issue(venue, Direction.IN, formats),
                issuer.issue(venue, Direction.OUT, formats));
    }
}
