package io.checkin.warmup.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The requests' latencies from a simulated {@link Flow}: each of a few thousand requests spread evenly over all that
 * arrived waits from its arrival until the flow reaches its rank, then spends the time of the pod it lands on
 * (chosen in proportion to the pods' capacities at that tick). The spread of service times within one pod is not
 * modelled: a request takes its pod's mean time.
 */
final class Latencies {

    private static final int SAMPLES = 20_000;
    private static final double GOLDEN = 0.6180339887498949;

    private final List<double[]> podTimes = new ArrayList<>();
    private final List<double[]> podWeights = new ArrayList<>();

    /** What the pods of one tick take per request, and their shares of its requests. */
    void tick(double[] timesInPod, double[] capacityShares) {
        podTimes.add(timesInPod);
        podWeights.add(capacityShares);
    }

    /** Waiting, latency percentile and the requests that never left the queue, from the whole flow. */
    record Summary(double waitedRequests, Duration meanWait, Duration longestWait, Duration p99, double unserved) {
    }

    Summary summarise(Flow flow, double tickSeconds) {
        double total = flow.arrived();
        if (total <= 0) {
            return new Summary(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
        }
        double[] latency = new double[SAMPLES];
        double waitSum = 0;
        double longest = 0;
        int waited = 0;
        double end = podTimes.size() * tickSeconds;
        for (int j = 0; j < SAMPLES; j++) {
            double rank = (j + 0.5) / SAMPLES * total;
            double arrival = flow.arrivalOf(rank);
            double departure = flow.departureOf(rank);
            double wait = (Double.isNaN(departure) ? end : departure) - arrival;
            int tick = (int) Math.min(podTimes.size() - 1, Math.floor((Double.isNaN(departure) ? end : departure) / tickSeconds));
            latency[j] = wait + inPod(tick, (j * GOLDEN) % 1);
            waitSum += wait;
            longest = Math.max(longest, wait);
            if (wait > 0.001) {
                waited++;
            }
        }
        Arrays.sort(latency);
        return new Summary(total * waited / SAMPLES, seconds(waitSum / SAMPLES), seconds(longest),
                seconds(latency[(int) Math.ceil(0.99 * SAMPLES) - 1]), total - flow.departed());
    }

    private double inPod(int tick, double u) {
        double[] times = podTimes.get(tick);
        double[] weights = podWeights.get(tick);
        double sum = Arrays.stream(weights).sum();
        double seen = 0;
        for (int i = 0; i < times.length; i++) {
            seen += weights[i];
            if (u * sum < seen) {
                return times[i];
            }
        }
        return times.length == 0 ? 0 : times[times.length - 1];
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos(Math.round(value * 1e9));
    }
}
