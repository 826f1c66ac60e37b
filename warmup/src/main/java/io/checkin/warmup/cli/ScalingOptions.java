package io.checkin.warmup.cli;

import java.time.Duration;

import io.checkin.warmup.model.AutoscalerSettings;
import io.checkin.warmup.model.KpaSimulator;
import io.checkin.warmup.model.SimulationResult;
import io.checkin.warmup.model.Traffic;
import picocli.CommandLine.Option;

/** The autoscaling and workload figures plan and simulate share; defaults are Knative's and the benchmarks'. */
public class ScalingOptions {

    @Option(names = "--service-time-ms", defaultValue = "20", description = "Time a request spends in a pod (ms).")
    double serviceTimeMs;

    @Option(names = "--target", defaultValue = "100", description = "autoscaling.knative.dev/target.")
    double target;

    @Option(names = "--utilization", defaultValue = "70", description = "target-utilization-percentage.")
    double utilization;

    @Option(names = "--container-concurrency", defaultValue = "0", description = "Hard per-pod limit (0: none).")
    long containerConcurrency;

    @Option(names = "--max-scale", defaultValue = "0", description = "max-scale (0: unlimited).")
    int maxScale;

    @Option(names = "--pod-startup-seconds", defaultValue = "10",
            description = "Image pull, start and readiness, before any warm-up (s).")
    long podStartupSeconds;

    @Option(names = "--warm-up-seconds", defaultValue = "0", description = "The function's warm-up before ready "
            + "(checkin.warmup.budget when checkin.warmup.at-start is on: JVM pods), in seconds.")
    long warmUpSeconds;

    AutoscalerSettings settings(int minScale) {
        AutoscalerSettings d = AutoscalerSettings.defaults();
        return new AutoscalerSettings(target, utilization, containerConcurrency, minScale, maxScale, d.stableWindow(),
                d.panicWindowPercentage(), d.panicThresholdPercentage(), d.maxScaleUpRate(), d.maxScaleDownRate(),
                d.scaleDownDelay(), d.scaleToZeroGracePeriod());
    }

    /**
     * The traffic through the simulated autoscaler, with {@code minScale} pods ready from the start (0: cold); a new
     * pod turns ready after its start-up and its warm-up.
     */
    SimulationResult simulate(Traffic traffic, Duration length, int minScale) {
        return KpaSimulator.run(new KpaSimulator.Input(traffic, serviceTime(), podStartup().plus(warmUp()),
                settings(minScale), length, minScale));
    }

    Duration serviceTime() {
        return Duration.ofNanos((long) (serviceTimeMs * 1e6));
    }

    Duration podStartup() {
        return Duration.ofSeconds(podStartupSeconds);
    }

    Duration warmUp() {
        return Duration.ofSeconds(warmUpSeconds);
    }
}
