package io.checkin.warmup.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScheduleParserTest {

    @Test
    void readsEventsWithTheirDefaults() {
        List<Event> events = ScheduleParser.parse("""
                events:
                  - name: marathon
                    functions: [scan-in, scan-out]
                    start: 2026-12-06T07:00:00Z
                    end: 2026-12-06T14:00:00Z
                    peak: 13300
                  - name: school
                    functions: [scan-in]
                    start: 2026-12-07T07:30:00Z
                    end: 2026-12-07T08:30:00Z
                    minScale: 3
                """, "test");
        assertEquals(2, events.size());
        Event marathon = events.get(0);
        assertEquals(List.of("scan-in", "scan-out"), marathon.functions());
        assertEquals(Instant.parse("2026-12-06T07:00:00Z"), marathon.start());
        assertEquals(13300, marathon.peak());
        assertEquals(Duration.ofMillis(20), marathon.serviceTime());
        assertEquals(Duration.ofSeconds(10), marathon.podStartup());
        assertNull(marathon.warmUp(), "read from the Service");
        assertEquals(3, events.get(1).minScale());
    }

    @Test
    void warmUpSecondsIsReadAndCheckedLikePodStartupSeconds() {
        String event = """
                events:
                  - {name: marathon, functions: [scan-in], start: 2026-12-06T07:00:00Z, end: 2026-12-06T14:00:00Z,
                     minScale: 3, podStartupSeconds: %s, warmUpSeconds: %s}
                """;
        Event marathon = ScheduleParser.parse(event.formatted("5", "30"), "test").get(0);
        assertEquals(Duration.ofSeconds(5), marathon.podStartup());
        assertEquals(Duration.ofSeconds(30), marathon.warmUp());
        assertEquals(Duration.ZERO, ScheduleParser.parse(event.formatted("5", "0"), "test").get(0).warmUp(),
                "0: the pods do not warm up, whatever the Service says");
        ScheduleException e = assertThrows(ScheduleException.class,
                () -> ScheduleParser.parse(event.formatted("soon", "30s"), "schedule.yaml"));
        assertEquals(List.of("line 3: 'podStartupSeconds' has a value that cannot be read: soon",
                "line 3: 'warmUpSeconds' has a value that cannot be read: 30s"), e.problems());
    }

    @Test
    void anEmptyScheduleHasNoEvents() {
        assertEquals(List.of(), ScheduleParser.parse("events: []\n", "test"));
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        ScheduleException e = assertThrows(ScheduleException.class, () -> ScheduleParser.parse("""
                events:
                  - name: marathon
                    functions: [scan-in, Scan In]
                    start: 2026-12-06T07:00:00Z
                    end: 2026-12-06T06:00:00Z
                    peak: lots
                    colour: red
                  - name: marathon
                    functions: [scan-out]
                    start: tomorrow
                    end: 2026-12-06T14:00:00Z
                    peak: 100
                """, "schedule.yaml"));
        assertEquals(List.of(
                "line 7: unknown field 'colour'",
                "line 3: 'Scan In' is not a function (Knative Service) name",
                "line 6: 'peak' has a value that cannot be read: lots",
                "line 5: end must be after start",
                "line 10: 'start' has a value that cannot be read: tomorrow"), e.problems());
        assertEquals(true, e.getMessage().startsWith("Invalid schedule schedule.yaml"));
    }

    @Test
    void aDuplicateNameIsRefused() {
        ScheduleException e = assertThrows(ScheduleException.class, () -> ScheduleParser.parse("""
                events:
                  - {name: a, functions: [scan-in], start: 2026-12-06T07:00:00Z, end: 2026-12-06T08:00:00Z, minScale: 2}
                  - {name: a, functions: [scan-in], start: 2026-12-07T07:00:00Z, end: 2026-12-07T08:00:00Z, minScale: 2}
                """, "s"));
        assertEquals(List.of("line 3: a second event named a"), e.problems());
    }

    @Test
    void somethingElseThanASchedule() {
        assertEquals(List.of("line 1: expected 'events:' with a list of events"),
                assertThrows(ScheduleException.class, () -> ScheduleParser.parse("hello: world\n", "s")).problems());
    }
}
