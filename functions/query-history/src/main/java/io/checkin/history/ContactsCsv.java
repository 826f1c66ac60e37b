package io.checkin.history;

import java.util.List;

import io.checkin.visit.ContactFinder;

/** Contacts as CSV (RFC 4180), one row per contact and venue, for tracers' spreadsheets. */
final class ContactsCsv {

    static final String HEADER = "contact,total_overlap_minutes,venue_id,venue_overlap_minutes";

    private ContactsCsv() {
    }

    static String of(List<ContactFinder.Contact> contacts) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ContactFinder.Contact contact : contacts) {
            for (ContactFinder.VenueExposure venue : contact.venues()) {
                csv.append(field(contact.userSub())).append(',').append(contact.totalOverlapMinutes()).append(',')
                        .append(field(venue.venueId())).append(',').append(venue.overlapMinutes()).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** Quotes what needs quoting, and defuses values a spreadsheet would run as a formula. */
    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
