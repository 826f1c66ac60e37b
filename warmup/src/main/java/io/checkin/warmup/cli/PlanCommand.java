package io.checkin.warmup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.checkin.warmup.knative.Quotas;
import io.checkin.warmup.model.Chart;
import io.checkin.warmup.model.Planner;
import io.checkin.warmup.model.SimulationResult;
import io.checkin.warmup.model.Traffic;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Pods needed at an expected peak, the min-scale to pre-warm and how early, and whether the quota holds it.")
public class PlanCommand implements Callable<Integer> {

    @Option(names = "--function", required = true, description = "The function (Knative Service) to plan for.")
    String function;

    @Option(names = "--peak", required = true, description = "Expected requests/s at the peak.")
    double peak;

    @Option(names = "--margin-seconds", defaultValue = "60", description = "Extra time before the peak.")
    long marginSeconds;

    @Option(names = "--cpu-request-millis", defaultValue = "1000", description = "CPU request of one pod (millicores).")
    long cpuRequestMillis;

    @Option(names = "--quota-cpu-millis", description = "CPU left in the namespace's ResourceQuota (millicores).")
    Long quotaCpuMillis;

    @Option(names = { "-n", "--namespace" },
            description = "Read what the namespace's ResourceQuotas leave from the cluster (instead of --quota-cpu-millis).")
    String namespace;

    @Inject
    Instance<KubernetesClient> kubernetes;

    @Option(names = "--p99-target-ms", defaultValue = "100", description = "The p99 latency the warm pods must keep at the peak (ms).")
    long p99TargetMs;

    @Option(names = "--store-writes-per-second", defaultValue = "" + Planner.STORE_WRITES_PER_SECOND,
            description = "Writes/s the store takes (default: the embedded store's measured inserts/s; one scan, one write).")
    double storeWrites;

    @Option(names = "--from-cluster", description = "Read the Service --function from the cluster (-n) for its "
            + "autoscaler settings and warm-up, as reconcile does.")
    boolean fromCluster;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = "--chart", description = "Write an SVG chart of a step to the peak, from zero and pre-warmed.")
    Path chart;

    @Mixin
    ScalingOptions scaling;

    @Override
    public Integer call() throws Exception {
        if (fromCluster) {
            scaling.readFromCluster(kubernetes.get(), namespace, function);
        }
        Planner.Plan plan = Planner.plan(new Planner.Input(function, peak, scaling.serviceTime(), scaling.maxRatePerPod,
                scaling.settings(0), scaling.podStartup(), scaling.warmUp(), Duration.ofSeconds(marginSeconds),
                cpuRequestMillis, quota(), Duration.ofMillis(p99TargetMs), storeWrites, scaling.ramp()));
        if (json) {
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(asMap(plan)));
        } else {
            asMap(plan).forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        }
        if (chart != null) {
            Traffic step = Traffic.step(0, peak, Planner.STEP_AT);
            SimulationResult cold = scaling.simulate(step, Planner.SIMULATED, 0);
            SimulationResult warm = scaling.simulate(step, Planner.SIMULATED, plan.minScale());
            Files.writeString(chart, Chart.svg(function + ": a step to " + (long) peak + " requests/s", cold, warm));
            System.out.println("chart written to " + chart);
        }
        if (plan.storeBound()) {
            System.err.printf("warning: %.0f writes/s at the peak, the store takes about %.0f: the store, not the pods, "
                    + "bounds this peak (--store-writes-per-second)%n", plan.peakRate(), storeWrites);
        }
        return plan.fitsQuota() == Boolean.FALSE ? 3 : 0;
    }

    private OptionalLong quota() {
        if (quotaCpuMillis != null) {
            return OptionalLong.of(quotaCpuMillis);
        }
        return namespace == null ? OptionalLong.empty() : Quotas.cpuMillisLeft(kubernetes.get(), namespace);
    }

    static Map<String, Object> asMap(Planner.Plan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("function", plan.function());
        out.put("peakRequestsPerSecond", plan.peakRate());
        out.put("concurrencyAtPeak", Math.round(plan.concurrency() * 10) / 10.0);
        out.put("podsAtPeak", plan.podsAtPeak());
        out.put("minScale", plan.minScale());
        out.put("cappedByMaxScale", plan.cappedByMaxScale());
        out.put("leadTimeSeconds", plan.leadTime().toSeconds());
        out.put("leadTimeWarmUpSeconds", plan.warmUp().toSeconds());
        out.put("cpuMillisNeeded", plan.cpuMillisNeeded());
        out.put("fitsQuota", plan.fitsQuota() == null ? "not checked" : plan.fitsQuota());
        out.put("p99TargetMillis", plan.p99Target().toMillis());
        out.put("podsForP99Target", plan.podsForP99());
        out.put("p99AtThosePodsMillis", Math.round(plan.p99AtPodsForP99().toNanos() / 1e5) / 10.0);
        out.put("rampOfNewPods", plan.ramp());
        out.put("podsForRamp", plan.podsForRamp());
        out.put("p99OfStepMillis", Math.round(plan.p99OfStep().toNanos() / 1e5) / 10.0);
        out.put("headroomAtMinScale", Math.round(plan.headroom() * 100) / 100.0);
        out.put("storeBound", plan.storeBound());
        return out;
    }
}
