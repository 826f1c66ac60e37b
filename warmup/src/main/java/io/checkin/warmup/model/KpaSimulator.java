package io.checkin.warmup.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simulation of one Knative revision (knative/serving v1.23), tick by tick (2 s):
 * <ul>
 * <li>requests arrive at the traffic's rate; the ready pods serve them up to their capacity ({@link PodCapacity}),
 * each pod at the share of it its warm-up ramp allows ({@link WarmUpRamp}); the rest wait, first in first out, in
 * the activator while no pod is ready and in the queue-proxies or the activator beyond ({@link Flow});</li>
 * <li>the autoscaler observes the concurrency: requests in pods (their rate times their time in a pod, which rises
 * with utilization) plus every request waiting, those buffered in the activator included, as Knative counts them;
 * it decides as {@link Decider}, and the scaler bounds the decision ({@link Scaler});</li>
 * <li>the activator stays in the path while no pod is ready or the excess burst capacity is negative;</li>
 * <li>a new pod serves after its start-up (which includes any warm-up before ready).</li>
 * </ul>
 */
public final class KpaSimulator {

    private KpaSimulator() {
    }

    /**
     * @param initialPods pods ready (and idle) at the start
     * @param newRevision the revision is created at the start, so it starts its initial scale
     */
    public record Input(Traffic traffic, PodCapacity capacity, WarmUpRamp ramp, Duration podStartup,
            AutoscalerSettings settings, Duration length, int initialPods, boolean newRevision) {

        /** Pods of unlimited capacity that are warm at once: only the autoscaler is simulated. */
        public Input(Traffic traffic, Duration serviceTime, Duration podStartup, AutoscalerSettings settings,
                Duration length, int initialPods) {
            this(traffic, PodCapacity.unlimited(serviceTime), WarmUpRamp.NONE, podStartup, settings, length,
                    initialPods, false);
        }
    }

    public static SimulationResult run(Input in) {
        AutoscalerSettings s = in.settings();
        double dt = AutoscalerSettings.TICK.toMillis() / 1000.0;
        Decider decider = new Decider(s);
        Scaler scaler = new Scaler(s, in.newRevision());
        Pods pods = new Pods(in.initialPods(), in.ramp());
        Flow flow = new Flow();
        Latencies latencies = new Latencies();
        PodCapacity pod = in.capacity();
        List<Tick> ticks = new ArrayList<>();
        double coldStarts = 0;
        Duration longestColdWait = Duration.ZERO;
        double podSeconds = 0;
        if (in.newRevision()) {
            pods.scaleTo(Math.max(s.initialScale(), s.minScale()), Duration.ZERO, in.podStartup());
        }

        for (Duration now = Duration.ZERO; now.compareTo(in.length()) < 0; now = now.plus(AutoscalerSettings.TICK)) {
            pods.startUpTo(now);
            double rate = in.traffic().rate(now);
            double[] shares = pods.shares(dt);
            double shareSum = Arrays.stream(shares).sum();
            double capacity = shares.length == 0 ? 0 : pod.rate() * shareSum;
            double t = now.toNanos() / 1e9;
            Flow.Step step = flow.tick(t, dt, rate, capacity);
            double rho = Double.isInfinite(capacity) || capacity == 0 ? 0 : step.servedRate() / capacity;
            double stretch = pod.stretch(rho);
            double[] inPod = Arrays.stream(shares).map(share -> pod.serviceSeconds() / share * stretch).toArray();
            latencies.tick(inPod, shares);
            double inPods = shares.length == 0 ? 0 : step.servedRate() * pod.serviceSeconds() * stretch * shares.length / shareSum;
            double concurrency = inPods + step.averageWaiting();
            if (step.servedRate() > 0) {
                pods.served(dt);
            }

            Decider.Decision decision = decider.decide(now, concurrency, pods.ready());
            int wanted = scaler.scale(now, decision.desiredPods(), pods.ready(), pods.running(), rate > 0);
            boolean activator = pods.ready() == 0 || decision.excessBurstCapacity() < 0;
            pods.scaleTo(wanted, now, in.podStartup());

            if (pods.ready() == 0 && rate > 0) {
                coldStarts += rate * dt;
                Duration wait = pods.firstReady(now, in.podStartup()).minus(now);
                longestColdWait = wait.compareTo(longestColdWait) > 0 ? wait : longestColdWait;
            }
            podSeconds += pods.running() * dt;
            ticks.add(new Tick(now, rate, concurrency, wanted, pods.ready(), pods.starting(), decision.panic(),
                    capacity, step.waitingAtEnd(), activator));
        }
        Latencies.Summary summary = latencies.summarise(flow, dt);
        return new SimulationResult(ticks, coldStarts, longestColdWait, podSeconds, summary.waitedRequests(),
                summary.meanWait(), summary.longestWait(), summary.p99(), summary.unserved());
    }
}
