package io.checkin.warmup.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** warmup: plan capacity, simulate the autoscaler, and pre-warm functions before known peaks (docs/warmup.md). */
@TopCommand
@Command(name = "warmup", mixinStandardHelpOptions = true,
        description = "Plan capacity, simulate the Knative autoscaler, and pre-warm functions before known peaks.",
        subcommands = { PlanCommand.class, SimulateCommand.class, UpCommand.class, DownCommand.class,
                KeysCommand.class,
                ReconcileCommand.class })
public class WarmupCommand {
}
