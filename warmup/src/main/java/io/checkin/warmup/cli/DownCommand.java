package io.checkin.warmup.cli;

import java.util.concurrent.Callable;

import io.checkin.warmup.knative.PrewarmException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Release a pre-warm: restore the min-scale each revision had before.")
public class DownCommand extends ClusterCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The function (Knative Service).")
    String function;

    @Override
    public Integer call() {
        try {
            var changes = prewarmer().down(function, viaTemplate);
            changes.forEach(c -> System.out.println(c.describe()));
            if (changes.isEmpty()) {
                System.out.println(function + ": nothing to release");
            }
            return 0;
        } catch (PrewarmException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
