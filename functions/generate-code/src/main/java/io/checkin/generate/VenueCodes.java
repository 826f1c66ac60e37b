package io.checkin.generate;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.code.CodeFormat;
import io.checkin.code.Direction;
import io.checkin.generate.CodeIssuer;
import io.checkin.venue.Venue;

/** Pairs a venue with freshly signed entry and exit codes. */
@ApplicationScoped
class VenueCodes {

    @Inject
    CodeIssuer issuer;

    VenueWithCodes withCodes(Venue venue, Set<CodeFormat> formats) {
        return new VenueWithCodes(VenueSummary.of(venue), issuer.issue(venue, Direction.IN, formats),
                issuer.issue(venue, Direction.OUT, formats));
    }
}
