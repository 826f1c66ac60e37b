package io.checkin.warmup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import io.checkin.warmup.knative.PrewarmException;
import io.checkin.warmup.schedule.Reconciler;
import io.checkin.warmup.schedule.ScheduleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Apply the warm state a schedule of events wants now; idempotent, safe every minute.")
public class ReconcileCommand extends ClusterCommand implements Callable<Integer> {

    @Option(names = "--schedule", required = true, description = "The schedule (YAML, docs/warmup.md).")
    Path schedule;

    @Override
    public Integer call() throws Exception {
        try {
            Reconciler reconciler = new Reconciler(prewarmer(), Clock.systemUTC(), viaTemplate);
            for (var outcome : reconciler.reconcile(Files.readString(schedule), schedule.toString())) {
                System.out.printf("%s: %s%s%n", outcome.function(),
                        outcome.minScale() > 0 ? "warm at min-scale " + outcome.minScale() : "released",
                        outcome.changes().isEmpty() ? " (no change)" : " (" + outcome.changes().size() + " patched)");
                outcome.changes().forEach(c -> System.out.println("  " + c.describe()));
            }
            return 0;
        } catch (ScheduleException | PrewarmException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
