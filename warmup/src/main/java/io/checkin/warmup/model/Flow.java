package io.checkin.warmup.model;

import java.util.Arrays;

/**
 * Requests through a revision as a fluid, first in first out: the cumulative arrivals and departures over time, both
 * piecewise linear. In each tick requests arrive at a constant rate; the revision serves at its capacity while any
 * wait, else as they come. A request's wait is the time between the arrivals and the departures reaching its rank, so
 * waits in the activator (no pod ready) and in the queue-proxy (pods full) come out of the same two curves.
 */
final class Flow {

    private final Curve arrivals = new Curve();
    private final Curve departures = new Curve();

    /** One tick's outcome: requests served per second and the average number waiting. */
    record Step(double servedRate, double averageWaiting, double waitingAtEnd) {
    }

    Flow() {
        arrivals.add(0, 0);
        departures.add(0, 0);
    }

    /** A tick of {@code dt} s from {@code t}: {@code rate} requests/s arrive, at most {@code capacity}/s are served. */
    Step tick(double t, double dt, double rate, double capacity) {
        double a0 = arrivals.last();
        double d0 = departures.last();
        double waiting = a0 - d0;
        arrivals.add(t + dt, a0 + rate * dt);
        double area = 0; // under the departures, over the tick
        double x = 0;
        double d = d0;
        if (waiting > 1e-9 && capacity > rate) {
            double empty = Double.isInfinite(capacity) ? 0 : waiting / (capacity - rate);
            x = Math.min(dt, empty);
            double next = Double.isInfinite(capacity) ? a0 : d + capacity * x;
            area += x * (d + next) / 2;
            d = next;
            departures.add(t + x, d);
        }
        double following = waiting > 1e-9 && x < dt && capacity <= rate ? capacity : rate;
        double next = d + Math.min(following, capacity) * (dt - x);
        area += (dt - x) * (d + next) / 2;
        departures.add(t + dt, next);
        double arrivalArea = dt * (a0 + a0 + rate * dt) / 2;
        double end = a0 + rate * dt - next;
        return new Step((next - d0) / dt, Math.max(0, (arrivalArea - area) / dt), Math.max(0, end));
    }

    double arrived() {
        return arrivals.last();
    }

    double departed() {
        return departures.last();
    }

    /** When the request of rank {@code rank} arrived. */
    double arrivalOf(double rank) {
        return arrivals.firstReaching(rank);
    }

    /** When the request of rank {@code rank} left the queue for a pod; NaN when it had not by the end. */
    double departureOf(double rank) {
        return rank > departed() + 1e-9 ? Double.NaN : departures.firstReaching(rank);
    }

    /** A nondecreasing piecewise-linear curve: its knots (time, value). */
    private static final class Curve {
        private double[] times = new double[16];
        private double[] values = new double[16];
        private int n;

        void add(double t, double value) {
            if (n == values.length) {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            times[n] = t;
            values[n++] = value;
        }

        double last() {
            return values[n - 1];
        }

        /** The first time the curve reaches {@code value}. */
        double firstReaching(double value) {
            int i = Arrays.binarySearch(values, 0, n, value);
            if (i >= 0) {
                while (i > 0 && values[i - 1] == value) {
                    i--;
                }
                return times[i];
            }
            int above = -i - 1;
            if (above == 0) {
                return times[0];
            }
            if (above >= n) {
                return times[n - 1];
            }
            double f = (value - values[above - 1]) / (values[above] - values[above - 1]);
            return times[above - 1] + f * (times[above] - times[above - 1]);
        }
    }
}
