package io.checkin.code;

/**
 * What a signed venue code says: which venue, which way, which generation of the venue's codes, and the
 * name to show on the receipt, so that a scan needs no read to answer.
 */
public record VenueCode(String venueId, Direction direction, int codeVersion, String venueName) {
}
