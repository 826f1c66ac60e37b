package io.checkin.warmup.model;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/** Requests per second over time, from the start of a simulation. */
@FunctionalInterface
public interface Traffic {

    double rate(Duration at);

    /** {@code before} until {@code at}, then {@code after}. */
    static Traffic step(double before, double after, Duration at) {
        return t -> t.compareTo(at) < 0 ? before : after;
    }

    /** {@code from} until {@code start}, then linearly to {@code to} over {@code length}, then {@code to}. */
    static Traffic ramp(double from, double to, Duration start, Duration length) {
        return t -> {
            if (t.compareTo(start) < 0) {
                return from;
            }
            double done = Math.min(1.0, (double) t.minus(start).toMillis() / Math.max(1, length.toMillis()));
            return from + (to - from) * done;
        };
    }

    /**
     * The reference system's scan burst: nothing until {@code at}, then 13,300 requests/s within ten
     * seconds, held for {@code hold}, then back to nothing. {@code scale} multiplies the rate.
     */
    static Traffic referenceBurst(Duration at, Duration hold, double scale) {
        Traffic rise = ramp(0, 13_300 * scale, at, Duration.ofSeconds(10));
        Duration end = at.plusSeconds(10).plus(hold);
        return t -> t.compareTo(end) >= 0 ? 0 : rise.rate(t);
    }

    /** Points (seconds, requests/s), the rate held from each point to the next; zero before the first. */
    static Traffic points(List<double[]> points) {
        TreeMap<Long, Double> byMillis = new TreeMap<>();
        points.forEach(p -> byMillis.put((long) (p[0] * 1000), p[1]));
        return t -> {
            var entry = byMillis.floorEntry(t.toMillis());
            return entry == null ? 0 : entry.getValue();
        };
    }
}
