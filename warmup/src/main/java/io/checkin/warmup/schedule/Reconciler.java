package io.checkin.warmup.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

import io.checkin.warmup.knative.Prewarmer;
import io.checkin.warmup.model.AutoscalerSettings;
import io.checkin.warmup.model.Planner;

/**
 * Brings the functions to the warm state the schedule wants now: an event warms its functions from its
 * lead time before the start until its end; overlapping events take the larger scale; outside any event a
 * function is released (its own min-scale restored). Idempotent: a run that finds everything as wanted
 * changes nothing, so it is safe every minute.
 */
public final class Reconciler {

    private final Prewarmer prewarmer;
    private final Clock clock;
    private final Function<String, AutoscalerSettings> settings;
    private final boolean viaTemplate;

    public Reconciler(Prewarmer prewarmer, Clock clock, Function<String, AutoscalerSettings> settings,
            boolean viaTemplate) {
        this.prewarmer = prewarmer;
        this.clock = clock;
        this.settings = settings;
        this.viaTemplate = viaTemplate;
    }

    public record Outcome(String function, int minScale, List<Prewarmer.Change> changes) {
    }

    /** Per function named in the schedule: the min-scale wanted now, 0 for released. */
    public Map<String, Integer> desired(List<Event> events, Instant now) {
        Map<String, Integer> wanted = new TreeMap<>();
        for (Event event : events) {
            for (String function : event.functions()) {
                wanted.putIfAbsent(function, 0);
                int scale = event.minScale() != null ? event.minScale() : plan(event, function).minScale();
                Duration lead = event.podStartup().plus(AutoscalerSettings.TICK.multipliedBy(2)).plus(event.margin());
                if (!now.isBefore(event.start().minus(lead)) && now.isBefore(event.end())) {
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

    public List<Outcome> reconcile(List<Event> events) {
        List<Outcome> outcomes = new ArrayList<>();
        desired(events, clock.instant()).forEach((function, scale) -> outcomes.add(new Outcome(function, scale,
                scale > 0 ? prewarmer.up(function, scale, viaTemplate) : prewarmer.down(function, viaTemplate))));
        return outcomes;
    }

    private Planner.Plan plan(Event event, String function) {
        return Planner.plan(new Planner.Input(function, event.peak(), event.serviceTime(), event.maxRatePerPod(),
                settings.apply(function), event.podStartup(), event.margin(), 0, OptionalLong.empty()));
    }
}
