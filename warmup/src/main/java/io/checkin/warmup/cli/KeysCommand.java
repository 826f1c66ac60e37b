package io.checkin.warmup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.checkin.warmup.knative.CodeKeySets;
import io.checkin.warmup.knative.PrewarmException;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whether every pod that serves the scan functions accepts a code key: the check between adding a public key and
 * signing with it (docs/operations.md, "Keys"), and, with {@code --removed}, after taking a key out of the set.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Check that every Revision serving the scan functions accepts (or, with --removed, refuses) a code key id.")
public class KeysCommand implements Callable<Integer> {

    /** Every Revision that serves accepts the key (or, with --removed, none does). */
    static final int YES = 0;
    /** Some Revision that serves does not (or still does), or cannot be told. */
    static final int NO = 1;
    /** The cluster could not be read. */
    static final int UNREADABLE = 2;

    @Inject
    KubernetesClient kubernetes;

    @Option(names = { "-n", "--namespace" }, description = "Namespace of the functions (default: the client's).")
    String namespace;

    @Option(names = "--service", description = "A function that verifies codes (repeatable; default: scan-in and scan-out).")
    List<String> services = new ArrayList<>(List.of("scan-in", "scan-out"));

    @Option(names = "--kid", required = true, description = "The key id (kid) to look for.")
    String kid;

    @Option(names = "--removed", description = "Check that no serving Revision accepts the key any more.")
    boolean removed;

    @Override
    public Integer call() {
        CodeKeySets sets = new CodeKeySets(kubernetes, namespace != null ? namespace : kubernetes.getNamespace());
        boolean all = true;
        try {
            for (String service : services) {
                CodeKeySets.ServiceKeys keys = sets.of(service);
                for (CodeKeySets.Served served : keys.revisions()) {
                    System.out.println(served.describe(kid));
                    all &= served.problem() == null && served.accepts(kid) != removed;
                }
                keys.newestNotReady().ifPresent(r -> System.out.println(service + ": " + r + ", its newest Revision, is"
                        + " not ready (starting, or refusing to start: kubectl describe revision " + r + ")"));
            }
        } catch (PrewarmException e) {
            System.err.println(e.getMessage());
            return UNREADABLE;
        }
        String verdict = removed ? "refuses" : "accepts";
        System.out.println(all ? "every serving Revision " + verdict + " " + kid
                : "NOT every serving Revision " + verdict + " " + kid + (removed ? "" : ": do not sign with it yet"));
        return all ? YES : NO;
    }
}
