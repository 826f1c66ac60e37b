package io.checkin.audit;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * One answer that showed an official other people's movements: who asked, what for, over which window, and
 * how many records it disclosed. A venue's visitors name the venue; contacts name the case.
 */
public record Disclosure(Instant at, String official, String query, String venueId, String caseSubject,
        Instant from, Instant to, int disclosed) {

    public static final String VENUE_VISITORS = "venue-visitors";
    public static final String CONTACTS = "contacts";

    public Document toDocument() {
        Document document = new Document("at", Date.from(at)).append("official", official).append("query", query);
        if (venueId != null) {
            document.append("venueId", venueId);
        }
        if (caseSubject != null) {
            document.append("caseSubject", caseSubject);
        }
        return document.append("from", Date.from(from)).append("to", Date.from(to)).append("disclosed", disclosed);
    }
}
