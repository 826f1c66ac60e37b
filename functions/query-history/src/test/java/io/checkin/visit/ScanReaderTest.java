package io.checkin.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.checkin.store.EmbeddedStoreExtension;
import io.checkin.store.TestStoreConfig;

/** Both ways of reading many people's scans return the same events. */
class ScanReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @RegisterExtension
    final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

    @BeforeEach
    void start() {
        List<Document> scans = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            scans.add(new Document("_id", "s" + i).append("userSub", "p" + (i % 30)).append("venueId", "V" + (i % 4))
                    .append("direction", i % 2 == 0 ? "IN" : "OUT").append("at", Date.from(T0.plus(Duration.ofMinutes(i)))));
        }
        store.client().getDatabase("checkin").getCollection("scans").insertMany(scans);
    }

    @Test
    void readingTheWindowAndFilteringEqualsAskingPerPerson() {
        Set<String> people = Set.of("p1", "p4", "p9", "p17", "p29", "nobody");
        Instant from = T0.plus(Duration.ofMinutes(40));
        Instant to = T0.plus(Duration.ofMinutes(250));
        List<ScanEvent> perPerson = sorted(reader(0).ofUsers(people, from, to));
        List<ScanEvent> filtered = sorted(reader(2).ofUsers(people, from, to));
        assertEquals(perPerson, filtered);
        assertEquals(35, perPerson.size());
    }

    private static List<ScanEvent> sorted(List<ScanEvent> events) {
        List<ScanEvent> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparing(ScanEvent::time).thenComparing(ScanEvent::userSub));
        return copy;
    }

    private ScanReader reader(int inMemoryFilterAbove) {
        ScanReader reader = new ScanReader();
        reader.collections = store.collections(new TestStoreConfig());
        reader.config = new HistoryConfig() {
            public Duration defaultWindow() {
                return Duration.ofDays(14);
            }

            public Duration maxWindow() {
                return Duration.ofDays(31);
            }

            public int defaultLimit() {
                return 50;
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(10);
            }

            public int concurrentQueries() {
                return 8;
            }

            public int inMemoryFilterAbove() {
                return inMemoryFilterAbove;
            }

            public int maxLimit() {
                return 200;
            }
        };
        return reader;
    }
}
