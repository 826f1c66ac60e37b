package io.checkin.warmup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.checkin.warmup.knative.Prewarmer;
import io.checkin.warmup.knative.ServiceSettings;
import io.checkin.warmup.knative.ServiceWarmUp;
import io.checkin.warmup.model.AutoscalerSettings;
import io.checkin.warmup.model.KpaSimulator;
import io.checkin.warmup.model.PodCapacity;
import io.checkin.warmup.model.SimulationResult;
import io.checkin.warmup.model.Traffic;
import io.checkin.warmup.model.WarmUpRamp;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import picocli.CommandLine.Option;

/**
 * The autoscaling and workload figures plan and simulate share; defaults are Knative's and the benchmarks'. With a
 * Service (a manifest, or read from the cluster), every autoscaler setting and the warm-up come from it instead.
 */
public class ScalingOptions {

    @Option(names = "--service-time-ms", defaultValue = "20", description = "Time a request spends in an idle pod (ms).")
    double serviceTimeMs;

    @Option(names = "--max-rate-per-pod", defaultValue = "" + PodCapacity.MEASURED_SCAN_IN_RATE,
            description = "Requests/s one warm pod serves at most (default: scan-in's measured maximum, "
                    + "docs/benchmarks.md; 0: unlimited).")
    double maxRatePerPod;

    @Option(names = "--target", defaultValue = "100", description = "autoscaling.knative.dev/target.")
    double target;

    @Option(names = "--utilization", defaultValue = "70", description = "target-utilization-percentage.")
    double utilization;

    @Option(names = "--container-concurrency", defaultValue = "0", description = "Hard per-pod limit (0: none).")
    long containerConcurrency;

    @Option(names = "--max-scale", defaultValue = "0", description = "max-scale (0: unlimited).")
    int maxScale;

    @Option(names = "--scale-down-delay-seconds", defaultValue = "0", description = "scale-down-delay (s).")
    long scaleDownDelaySeconds;

    @Option(names = "--panic-threshold", defaultValue = "200", description = "panic-threshold-percentage.")
    double panicThreshold;

    @Option(names = "--target-burst-capacity", defaultValue = "211",
            description = "target-burst-capacity (-1: the activator always in the path).")
    double targetBurstCapacity;

    @Option(names = "--pod-startup-seconds", defaultValue = "10",
            description = "Image pull, start and readiness, before any warm-up (s).")
    long podStartupSeconds;

    @Option(names = "--warm-up-seconds", description = "The function's warm-up before ready "
            + "(checkin.warmup.budget when checkin.warmup.at-start is on: JVM pods), in seconds (default: the "
            + "Service's, else 0).")
    Long warmUpSeconds;

    /** The warm-up ramps a command line may name: the measured ones, or the one the warm-up before ready implies. */
    enum Ramp {
        auto, cold, preheated, none
    }

    @Option(names = "--ramp", defaultValue = "auto", description = "How a new pod reaches its rate: cold (a JVM pod "
            + "without a warm-up), preheated (measured, docs/benchmarks.md), none (a native executable), or auto: "
            + "preheated when it warms up before ready (the JVM images), else none (the native images).")
    Ramp ramp;

    @Option(names = "--service-file", description = "A Knative Service manifest (such as knative/11-service-scan-in.yaml)"
            + " whose annotations, container concurrency and warm-up replace the autoscaler flags.")
    Path serviceFile;

    /** The Service read from the cluster, when the command read one. */
    Service service;

    /** Takes the settings from the Service {@code function} in the cluster ({@code namespace} null: the client's). */
    void readFromCluster(KubernetesClient client, String namespace, String function) {
        service = new Prewarmer(client.adapt(KnativeClient.class), namespace != null ? namespace : client.getNamespace())
                .service(function);
    }

    AutoscalerSettings settings(int minScale) throws IOException {
        Service from = service();
        if (from != null) {
            AutoscalerSettings own = ServiceSettings.of(from);
            return own.withScale(Math.max(minScale, own.minScale()), own.maxScale());
        }
        return AutoscalerSettings.defaults().toBuilder().target(target).utilization(utilization)
                .containerConcurrency(containerConcurrency).scale(minScale, maxScale)
                .scaleDownDelay(Duration.ofSeconds(scaleDownDelaySeconds)).panicThreshold(panicThreshold)
                .targetBurstCapacity(targetBurstCapacity).build();
    }

    /**
     * The traffic through the simulated revision, with {@code minScale} pods ready from the start (0: cold); a new pod
     * turns ready after its start-up and its warm-up, then ramps up to its rate.
     */
    SimulationResult simulate(Traffic traffic, Duration length, int minScale) throws IOException {
        AutoscalerSettings settings = settings(minScale);
        return KpaSimulator.run(new KpaSimulator.Input(traffic, capacity(settings), ramp(), podStartup().plus(warmUp()),
                settings, length, settings.minScale(), false));
    }

    PodCapacity capacity(AutoscalerSettings settings) {
        return new PodCapacity(maxRatePerPod, settings.containerConcurrency(), serviceTime());
    }

    WarmUpRamp ramp() throws IOException {
        return ramp == Ramp.auto ? WarmUpRamp.forWarmUp(warmUp().toMillis()) : WarmUpRamp.named(ramp.name());
    }

    Service service() throws IOException {
        if (service == null && serviceFile != null) {
            service = Serialization.unmarshal(Files.readString(serviceFile), Service.class);
        }
        return service;
    }

    Duration serviceTime() {
        return Duration.ofNanos((long) (serviceTimeMs * 1e6));
    }

    Duration podStartup() {
        return Duration.ofSeconds(podStartupSeconds);
    }

    Duration warmUp() throws IOException {
        if (warmUpSeconds != null) {
            return Duration.ofSeconds(warmUpSeconds);
        }
        return service() == null ? Duration.ZERO : ServiceWarmUp.of(service());
    }
}
