package io.checkin.generate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Printable text in any script is stored and returned exactly as sent, in every place a name comes back. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class UnicodeNamesTest {

    // an emoji family (joined by U+200D), a combining accent, CJK, right-to-left text with its mark, a flag
    static final String NAME = "\uD83D\uDC69\u200D\uD83D\uDC67 Cafe\u0301 \u5317\u4EAC \u200F\u05E9\u05DC\u05D5\u05DD "
            + "\uD83C\uDDF3\uD83C\uDDFF";
    static final String ADDRESS = "\u6771\u4EAC\u90FD 1-1 \u00C5lesund";

    @Inject
    StoreCollections collections;

    @Test
    void aNameInAnyScriptRoundTrips() {
        Map<String, Object> draft = Venues.draft(NAME, java.util.List.of());
        draft.put("address", ADDRESS);
        String venueId = Api.call("register-venue", Tokens.venueManager("unicode-manager"), draft).statusCode(200)
                .body("venue.name", equalTo(NAME)).body("venue.address", equalTo(ADDRESS))
                .extract().path("venue.venueId");
        Document stored = collections.venues().find(new Document("_id", venueId)).first();
        assertEquals(NAME, stored.getString("name"));
        assertEquals(ADDRESS, stored.getString("address"));
        Api.call("venue-codes", Tokens.venueManager("unicode-manager"), Venues.venue(venueId)).statusCode(200)
                .body("venue.name", equalTo(NAME));
    }
}
