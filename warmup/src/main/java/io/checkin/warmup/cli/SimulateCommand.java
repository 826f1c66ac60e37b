package io.checkin.warmup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.checkin.warmup.model.Chart;
import io.checkin.warmup.model.SimulationResult;
import io.checkin.warmup.model.Traffic;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a traffic profile through a simulation of the Knative Pod Autoscaler.")
public class SimulateCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "burst",
            description = "step, ramp, burst (the reference 13,300 requests/s burst) or a CSV file of 'seconds,requests/s'.")
    String profile;

    @Option(names = "--peak", defaultValue = "13300", description = "Peak requests/s of step and ramp.")
    double peak;

    @Option(names = "--scale", defaultValue = "1", description = "Multiplies the burst profile's rate.")
    double scale;

    @Option(names = "--seconds", defaultValue = "300", description = "How long to simulate.")
    long seconds;

    @Option(names = "--min-scale", defaultValue = "0", description = "min-scale (and pods ready at the start): a pre-warm.")
    int minScale;

    @Option(names = "--chart", description = "Write an SVG chart, from zero and with --min-scale.")
    Path chart;

    @Option(names = "--from-cluster", paramLabel = "FUNCTION", description = "Read the autoscaler settings and warm-up "
            + "from this Knative Service in the cluster (-n), as reconcile does.")
    String fromCluster;

    @Option(names = { "-n", "--namespace" }, description = "Namespace of --from-cluster (default: the client's).")
    String namespace;

    @Inject
    Instance<KubernetesClient> kubernetes;

    @Mixin
    ScalingOptions scaling;

    @Override
    public Integer call() throws Exception {
        if (fromCluster != null) {
            scaling.readFromCluster(kubernetes.get(), namespace, fromCluster);
        }
        Traffic traffic = traffic();
        Duration length = Duration.ofSeconds(seconds);
        SimulationResult cold = scaling.simulate(traffic, length, 0);
        SimulationResult warm = minScale > 0 ? scaling.simulate(traffic, length, minScale) : null;
        System.out.printf("%-12s %18s %14s %12s %10s %14s %10s %10s%n", "start", "cold-start reqs", "longest wait",
                "pod-seconds", "max pods", "waited reqs", "max wait", "p99");
        print("from zero", cold);
        if (warm != null) {
            print("min-scale " + minScale, warm);
        }
        if (chart != null) {
            Files.writeString(chart, Chart.svg("profile " + profile, cold, warm));
            System.out.println("chart written to " + chart);
        }
        return 0;
    }

    private static void print(String name, SimulationResult result) {
        System.out.printf("%-12s %18.0f %13.1fs %12.0f %10d %14.0f %9.1fs %8.0fms%n", name, result.coldStartRequests(),
                result.longestWait().toMillis() / 1000.0, result.podSeconds(), result.maxReadyPods(),
                result.waitedRequests(), result.longestQueueWait().toMillis() / 1000.0, result.p99().toNanos() / 1e6);
        if (result.unserved() >= 1) {
            System.out.printf("%-12s %.0f requests still waiting at the end%n", "", result.unserved());
        }
    }

    private Traffic traffic() throws java.io.IOException {
        return switch (profile) {
            case "step" -> Traffic.step(0, peak, Duration.ofSeconds(30));
            case "ramp" -> Traffic.ramp(0, peak, Duration.ofSeconds(30), Duration.ofSeconds(120));
            case "burst" -> Traffic.referenceBurst(Duration.ofSeconds(30), Duration.ofSeconds(120), scale);
            default -> {
                List<double[]> points = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(profile))) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] parts = line.split(",");
                        points.add(new double[] { Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()) });
                    }
                }
                yield Traffic.points(points);
            }
        };
    }
}
