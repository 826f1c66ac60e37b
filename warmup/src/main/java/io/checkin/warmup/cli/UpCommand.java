package io.checkin.warmup.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.checkin.warmup.knative.PrewarmException;
import io.checkin.warmup.knative.Prewarmer;
import io.checkin.warmup.knative.ServiceWarmUp;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Pre-warm a function now: min-scale on the revisions with traffic, each its share, wait for the pods, "
                + "call /warmup.")
public class UpCommand extends ClusterCommand implements Callable<Integer> {

    /** What a pod's start-up alone may take: the wait covers this on top of the Service's warm-up. */
    static final long STARTUP_ALLOWANCE_SECONDS = 60;

    @Parameters(index = "0", description = "The function (Knative Service).")
    String function;

    @Option(names = "--min-scale", required = true,
            description = "Pods to keep ready, split over the revisions with traffic by their share (each at least 1).")
    int minScale;

    @Option(names = "--wait-seconds", defaultValue = "180", description = "How long to wait for the pods (0: do not "
            + "wait); extended to the Service's warm-up budget plus " + STARTUP_ALLOWANCE_SECONDS + " s when shorter.")
    long waitSeconds;

    @Option(names = "--no-warmup-call", description = "Do not call the function's /warmup once its pods are ready.")
    boolean noWarmupCall;

    @Override
    public Integer call() throws Exception {
        try {
            long started = System.nanoTime();
            Prewarmer prewarmer = prewarmer();
            boolean waiting = waitSeconds > 0 && !viaTemplate;
            // read before anything is patched: a warm-up the tool cannot read refuses the whole call
            Duration warmUp = waiting ? ServiceWarmUp.of(prewarmer.service(function)) : Duration.ZERO;
            if (!viaTemplate) {
                for (Prewarmer.Share share : prewarmer.shares(prewarmer.service(function), minScale)) {
                    System.out.printf("revision/%s: %d%% of the traffic, min-scale %d of %d%n", share.revision(),
                            share.percent(), share.minScale(), minScale);
                }
            }
            List<Prewarmer.Change> changes = prewarmer.up(function, minScale, viaTemplate);
            changes.forEach(c -> System.out.println(c.describe()));
            if (changes.isEmpty()) {
                System.out.println(function + ": already warm at min-scale " + minScale);
            }
            if (waiting) {
                Duration wait = waitFor(warmUp);
                if (!awaitReady(prewarmer, wait, warmUp)) {
                    System.err.println(function + ": the pods were not ready within " + wait.toSeconds() + " s");
                    return 4;
                }
            }
            if (!noWarmupCall) {
                callWarmup(prewarmer.service(function));
            }
            System.out.printf("%s: done in %d s%n", function, Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return 0;
        } catch (PrewarmException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** --wait-seconds, or longer when it would not cover a start-up plus the Service's warm-up (says so). */
    private Duration waitFor(Duration warmUp) {
        Duration asked = Duration.ofSeconds(waitSeconds);
        Duration needed = warmUp.plusSeconds(STARTUP_ALLOWANCE_SECONDS);
        if (warmUp.isZero() || needed.compareTo(asked) <= 0) {
            return asked;
        }
        System.err.printf("%s: warning: its pods warm up for up to %d s before ready; waiting up to %d s instead of "
                + "--wait-seconds %d%n", function, seconds(warmUp), needed.toSeconds(), waitSeconds);
        return needed;
    }

    private boolean awaitReady(Prewarmer prewarmer, Duration wait, Duration warmUp) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        String warm = warmUp.isZero() ? "" : " (each warms up before ready, up to " + seconds(warmUp) + " s)";
        while (true) {
            int ready = 0;
            int wanted = 0;
            for (Prewarmer.Share share : prewarmer.shares(prewarmer.service(function), minScale)) {
                Revision revision = prewarmer.revision(share.revision());
                Integer actual = revision == null || revision.getStatus() == null ? null : revision.getStatus().getActualReplicas();
                ready += Math.min(share.minScale(), actual == null ? 0 : actual);
                wanted += share.minScale();
            }
            System.out.printf("\r%s: %d/%d pods ready%s", function, ready, wanted, warm);
            if (ready >= wanted) {
                System.out.println();
                return true;
            }
            if (System.nanoTime() > deadline) {
                System.out.println();
                return false;
            }
            Thread.sleep(2000);
        }
    }

    /** Whole seconds, rounded up: a budget of 500 ms is "up to 1 s", not 0. */
    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private void callWarmup(Service service) {
        String url = service.getStatus() == null ? null : service.getStatus().getUrl();
        if (url == null) {
            System.out.println(function + ": no URL in the Service status; /warmup not called");
            return;
        }
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/warmup"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(function + ": /warmup answered " + answer.statusCode() + " " + answer.body());
        } catch (Exception e) {
            System.out.println(function + ": /warmup could not be called (" + e.getMessage() + ")");
        }
    }
}
