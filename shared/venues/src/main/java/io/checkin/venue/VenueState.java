package io.checkin.venue;

/** What a scan needs to know about a venue: is it open, and which generation of codes is current. */
public record VenueState(VenueStatus status, int codeVersion) {
}
