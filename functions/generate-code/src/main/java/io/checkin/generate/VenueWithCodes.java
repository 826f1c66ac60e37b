package io.checkin.generate;

import io.checkin.generate.IssuedCode;

/** A venue and its two current codes. */
public record VenueWithCodes(VenueSummary venue, IssuedCode entry, IssuedCode exit) {
}
