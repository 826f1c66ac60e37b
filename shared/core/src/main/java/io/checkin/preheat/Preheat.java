package io.checkin.preheat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.vertx.core.Vertx;

/**
 * Runs the warm-up: throwaway tokens and whatever the hosted functions need (their {@link PreheatExercise}s), real
 * requests to the pod's own port, then every trace removed. At start (checkin.warmup.at-start) readiness is held
 * DOWN meanwhile; on demand (an operator's {@code POST /preheat}) the pod keeps serving. One at a time, and bounded by
 * checkin.warmup.budget whatever happens.
 */
@ApplicationScoped
public class Preheat {

    /**
     * The share of the budget kept for the clean-up after the last request: deleting 8,000 scratch scans took 0.3 s of a
     * 30 s budget on a busy 2-core machine (docs/benchmarks.md, "Pre-heat").
     */
    static final int CLEAN_UP_PERCENT = 10;

    private static final Logger LOG = Logger.getLogger(Preheat.class);

    @Inject
    PreheatConfig config;

    @Inject
    PreheatTokens tokens;

    @Inject
    @Readiness
    PreheatReadiness readiness;

    @Inject
    Instance<PreheatExercise> exercises;

    @Inject
    ValueRegistry values;

    @Inject
    Vertx vertx;

    private final ReentrantLock running = new ReentrantLock();

    void onStart(@Observes StartupEvent event) {
        if (config.runsAtStart() && exercises.stream().anyMatch(PreheatExercise::hosted)) {
            beforeReady(config.budget());
        }
    }

    /** Holds readiness DOWN and warms up in the background; readiness is UP when it ends or the budget is spent. */
    public void beforeReady(Duration budget) {
        readiness.hold(budget);
        Thread thread = new Thread(() -> {
            PreheatReport report = run(budget);
            // the warm-up's failures (a store that refused its scratch writes) must not refuse people's first scans
            CircuitBreakerMaintenance.get().resetAll();
            readiness.release(report == null ? new PreheatReport("already running", 0, 0, 0) : report);
        }, "warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a warm-up is running now. */
    public boolean running() {
        return running.isLocked();
    }

    /** Runs one warm-up now, within {@code budget}; null when one is running already. */
    public PreheatReport run(Duration budget) {
        if (!running.tryLock()) {
            return null;
        }
        long start = System.nanoTime();
        // sending stops early enough that the clean-up (the writes' drain, the scratch documents' deletion) is over
        // before the budget's end, when readiness turns UP anyway: not while people's first requests arrive
        long deadline = start + budget.toNanos() / 100 * (100 - CLEAN_UP_PERCENT);
        long end = start + budget.toNanos();
        List<PreheatExercise.Requests> prepared = new ArrayList<>();
        try {
            PreheatTokens.Session session = tokens.open(budget);
            for (PreheatExercise exercise : exercises) {
                if (exercise.hosted()) {
                    prepared.add(exercise.prepare(session, config.people(), config.venues()));
                }
            }
            if (prepared.isEmpty()) {
                return report("nothing to warm", null, start);
            }
            long keysMade = System.nanoTime();
            try (PreheatLoad load = new PreheatLoad(vertx, ownPort(deadline), config.concurrency())) {
                if (!load.awaitServer(deadline)) {
                    return report("budget spent", null, start);
                }
                LOG.infof("Warm-up: throwaway keys in %d ms, the server answering after %d ms",
                        (keysMade - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000);
                PreheatLoad.Sent sent = load.send(i -> prepared.get(i % prepared.size()).apply(i / prepared.size()),
                        config.requests(), deadline, end);
                return report(System.nanoTime() - deadline >= 0 ? "budget spent" : "done", sent, start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report("interrupted", null, start);
        } catch (RuntimeException e) {
            LOG.warnf(e, "The warm-up failed; the pod serves without it");
            return report("failed: " + e.getMessage(), null, start);
        } finally {
            long cleaning = System.nanoTime();
            tokens.close();
            prepared.forEach(PreheatExercise.Requests::close);
            running.unlock();
            LOG.infof("Warm-up: cleaned up in %d ms, %d ms after it began", (System.nanoTime() - cleaning) / 1_000_000,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static PreheatReport report(String outcome, PreheatLoad.Sent sent, long start) {
        PreheatReport report = new PreheatReport(outcome, sent == null ? 0 : sent.requests(),
                sent == null ? 0 : sent.answered(), (System.nanoTime() - start) / 1_000_000);
        LOG.infof("Warm-up: %s, %d requests, %d answered, %d ms%s", outcome, report.requests(), report.answered(),
                report.millis(), sent == null ? "" : ", answers by status " + sent.statuses());
        return report;
    }

    /** Where this process listens; known once the HTTP server started, which may be just after the warm-up begins. */
    private int ownPort(long deadline) throws InterruptedException {
        while (!values.containsKey(HttpServer.HTTP_SERVER) || values.get(HttpServer.HTTP_SERVER).getPort() <= 0) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("the HTTP server did not start within the budget");
            }
            Thread.sleep(20);
        }
        return values.get(HttpServer.HTTP_SERVER).getPort();
    }
}
