package io.checkin.warmup.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import io.checkin.warmup.knative.Prewarmer;
import io.checkin.warmup.knative.ServiceSettings;
import io.checkin.warmup.knative.ServiceWarmUp;
import io.checkin.warmup.model.Planner;
import io.fabric8.knative.serving.v1.Service;

/**
 * Brings the functions to the warm state the schedule wants now: an event warms its functions from its
 * lead time before the start until its end; overlapping events take the larger scale; outside any event a
 * function is released (its own min-scale restored). The lead time includes the warm-up the function's pods do
 * before ready, from the event or else from the function's Service; target and utilization come from the Service
 * too. Idempotent: a run that finds everything as wanted changes nothing, so it is safe every minute.
 */
public final class Reconciler {

    private final Prewarmer prewarmer;
    private final Clock clock;
    private final boolean viaTemplate;

    public Reconciler(Prewarmer prewarmer, Clock clock, boolean viaTemplate) {
        this.prewarmer = prewarmer;
        this.clock = clock;
        this.viaTemplate = viaTemplate;
    }

    public record Outcome(String function, int minScale, List<Prewarmer.Change> changes) {
    }

    /** Per function named in the schedule: the min-scale wanted now, 0 for released. Reads each Service once. */
    public Map<String, Integer> desired(List<Event> events, Instant now) {
        Map<String, Integer> wanted = new TreeMap<>();
        Map<String, Service> services = new HashMap<>();
        for (Event event : events) {
            for (String function : event.functions()) {
                wanted.putIfAbsent(function, 0);
                Duration warmUp = event.warmUp() != null ? event.warmUp()
                        : ServiceWarmUp.of(services.computeIfAbsent(function, prewarmer::service));
                Duration lead = Planner.leadTime(event.podStartup(), warmUp, event.margin());
                if (!now.isBefore(event.start().minus(lead)) && now.isBefore(event.end())) {
                    int scale = event.minScale() != null ? event.minScale()
                            : plan(event, services.computeIfAbsent(function, prewarmer::service), warmUp).minScale();
                    wanted.merge(function, scale, Math::max);
                }
            }
        }
        return wanted;
    }

    /** Reads the whole schedule first: one problem in it and nothing is patched. */
    public List<Outcome> reconcile(String scheduleYaml, String source) {
        return reconcile(ScheduleParser.parse(scheduleYaml, source));
    }

    /**
     * Applies the schedule, then releases every function an earlier run warmed that the schedule no longer names (its
     * event removed while it was warm): reconcile marks what it warms ({@link Prewarmer#OWNER}), so a pre-warm made by
     * hand is left alone. The template fallback cannot list Services, so there only the functions named are released.
     */
    public List<Outcome> reconcile(List<Event> events) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Integer> wanted = desired(events, clock.instant());
        wanted.forEach((function, scale) -> outcomes.add(new Outcome(function, scale, scale > 0
                ? prewarmer.up(function, scale, viaTemplate, Prewarmer.RECONCILE) : prewarmer.down(function, viaTemplate))));
        if (!viaTemplate) {
            for (String function : prewarmer.warmedBy(Prewarmer.RECONCILE)) {
                if (!wanted.containsKey(function)) {
                    outcomes.add(new Outcome(function, 0, prewarmer.down(function, false)));
                }
            }
        }
        return outcomes;
    }

    private static Planner.Plan plan(Event event, Service service, Duration warmUp) {
        return Planner.plan(new Planner.Input(service.getMetadata().getName(), event.peak(), event.serviceTime(),
                event.maxRatePerPod(), ServiceSettings.of(service), event.podStartup(), warmUp, event.margin(), 0,
                OptionalLong.empty()));
    }
}
