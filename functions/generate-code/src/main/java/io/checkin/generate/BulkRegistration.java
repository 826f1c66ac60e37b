package io.checkin.generate;

import java.util.List;

/** The result of a bulk registration, in the order of the request. */
public record BulkRegistration(int registered, List<VenueWithCodes> venues) {
}
