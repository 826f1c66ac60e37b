package io.checkin.visit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Makes a failing scenario small: drops scans, halves first, then one by one, while it still fails. */
public final class Shrink {

    private Shrink() {
    }

    public static Scenario failing(Scenario scenario, Predicate<Scenario> fails) {
        List<Scenario.Stored> scans = new ArrayList<>(scenario.scans());
        for (int chunk = Math.max(1, scans.size() / 2); chunk >= 1; chunk /= 2) {
            int i = 0;
            while (i < scans.size()) {
                List<Scenario.Stored> fewer = new ArrayList<>(scans.subList(0, i));
                fewer.addAll(scans.subList(Math.min(scans.size(), i + chunk), scans.size()));
                if (fewer.size() < scans.size() && fails.test(scenario.with(fewer))) {
                    scans = fewer;
                } else {
                    i += chunk;
                }
            }
        }
        return scenario.with(scans);
    }
}
