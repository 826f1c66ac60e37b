package io.checkin.visit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.checkin.code.Direction;
import io.checkin.visit.ScanEvent;
import io.checkin.visit.VisitRules;

/**
 * Random but repeatable scenarios: people visiting venues over some hours with what phones and people really
 * do (exits forgotten, entries forgotten, codes scanned twice, the next shop's code scanned a moment before this
 * one's, re-entries, stays past the maximum, scans queued offline and stored hours later), and times that probe
 * the rules' edges (exactly the merge window, the maximum stay, the moment apart). The scans come shuffled.
 */
public final class Scenarios {

    /** The durations the application ships with. */
    public static final VisitRules SHIPPED = new VisitRules(Duration.ofHours(4), Duration.ofMinutes(30),
            Duration.ofMinutes(10), Duration.ofSeconds(2));

    private final Random random;
    private final long seed;
    private final VisitRules rules;

    private Scenarios(long seed, VisitRules rules) {
        this.seed = seed;
        this.random = new Random(seed);
        this.rules = rules;
    }

    /**
     * A scenario with the shipped rules: {@code people} visiting {@code venues} for {@code hours}, ending
     * {@code end}; scans stored at most {@code offline} after they were made, at most {@code skew} before.
     */
    public static Scenario of(long seed, List<String> people, List<String> venues, int hours, Instant end,
            Duration offline, Duration skew) {
        return new Scenarios(seed, SHIPPED).make(people, venues, hours, end, offline, skew);
    }

    /** A small scenario under rules of its own, drawn from the seed too: for the derivation alone. */
    public static Scenario small(long seed) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        Duration merge = Duration.ofSeconds(30 + r.nextInt(15 * 60));
        // a maximum stay of at least six merge windows: runs of repeats stay shorter (docs/architecture.md)
        Duration maxStay = merge.multipliedBy(6).plusMinutes(r.nextInt(240));
        VisitRules rules = new VisitRules(maxStay, Duration.ofMinutes(1 + r.nextInt(90)), merge,
                r.nextInt(4) == 0 ? Duration.ZERO : Duration.ofMillis(200 + r.nextInt(5000)));
        List<String> people = List.of("ann", "bob", "cid", "dee", "eve", "fin");
        List<String> venues = List.of("V", "W", "X", "Y");
        return new Scenarios(seed, rules).make(people.subList(0, 2 + r.nextInt(5)), venues.subList(0, 1 + r.nextInt(4)),
                1 + r.nextInt(8), Instant.parse("2026-11-20T18:00:00Z"), Duration.ofHours(24), Duration.ofMinutes(2));
    }

    private Scenario make(List<String> people, List<String> venues, int hours, Instant end, Duration offline,
            Duration skew) {
        Instant start = end.minus(Duration.ofHours(hours));
        List<Scenario.Stored> scans = new ArrayList<>();
        for (String person : people) {
            Instant t = start.plus(millis(Duration.ofMinutes(60)));
            String here = null; // the venue of the last visit, for the next-door and re-entry habits
            Instant left = null;
            while (t.isBefore(end)) {
                String venue = venues.get(random.nextInt(venues.size()));
                int habit = random.nextInt(100);
                if (habit < 8 && here != null) {
                    venue = here; // back in soon after leaving
                } else if (habit < 20 && left != null) {
                    // the next shop's entry within about a moment of this one's exit, before or after it
                    long around = Math.max(1, rules.simultaneous().toMillis());
                    t = left.plusMillis((long) ((random.nextDouble() * 3 - 1.5) * around));
                }
                Duration stay = stay();
                boolean entry = random.nextInt(100) >= 8;
                boolean exit = random.nextInt(100) >= 15;
                if (entry) {
                    add(scans, person, venue, Direction.IN, t, offline, skew);
                }
                Instant out = t.plus(stay);
                if (exit) {
                    add(scans, person, venue, Direction.OUT, out, offline, skew);
                }
                here = venue;
                left = out;
                t = out.plus(gap());
            }
        }
        Collections.shuffle(scans, random);
        return new Scenario(seed, rules, start, end, people, venues, scans);
    }

    /** A scan, perhaps repeated: each repeat about a merge window after the one before, edges included. */
    private void add(List<Scenario.Stored> scans, String person, String venue, Direction direction, Instant time,
            Duration offline, Duration skew) {
        Instant t = time;
        int times = random.nextInt(100) < 12 ? 2 + random.nextInt(3) : 1;
        for (int i = 0; i < times; i++) {
            scans.add(stored(new ScanEvent(person, venue, direction, t), offline, skew));
            t = t.plus(switch (random.nextInt(6)) {
                case 0 -> rules.mergeWindow();
                case 1 -> rules.mergeWindow().plusMillis(1);
                case 2 -> rules.mergeWindow().multipliedBy(13).dividedBy(10);
                default -> millis(rules.mergeWindow());
            });
        }
    }

    private Duration stay() {
        return switch (random.nextInt(10)) {
            case 0 -> rules.maxStay(); // exactly the maximum
            case 1 -> rules.maxStay().plus(millis(Duration.ofHours(1))); // past it
            case 2 -> millis(rules.simultaneous().multipliedBy(3)); // in and out at once
            default -> Duration.ofMinutes(1).plus(millis(Duration.ofMinutes(120)));
        };
    }

    private Duration gap() {
        return switch (random.nextInt(8)) {
            case 0 -> Duration.ZERO;
            case 1 -> millis(rules.simultaneous());
            default -> millis(Duration.ofMinutes(90));
        };
    }

    private Scenario.Stored stored(ScanEvent scan, Duration offline, Duration skew) {
        return switch (random.nextInt(10)) {
            case 0 -> new Scenario.Stored(scan, scan.time().plus(millis(offline)), true); // queued offline
            case 1 -> new Scenario.Stored(scan, scan.time().minus(millis(skew)), true); // a phone clock ahead
            default -> new Scenario.Stored(scan, scan.time(), false);
        };
    }

    /** Up to {@code at_most}, in whole seconds half the time, to the millisecond otherwise. */
    private Duration millis(Duration atMost) {
        long ms = atMost.toMillis() <= 0 ? 0 : (long) (random.nextDouble() * atMost.toMillis());
        return Duration.ofMillis(random.nextBoolean() ? ms - ms % 1000 : ms);
    }
}
