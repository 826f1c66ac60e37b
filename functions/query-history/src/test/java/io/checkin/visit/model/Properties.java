package io.checkin.visit.model;

import java.time.Duration;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * How long the property tests look for new counterexamples after the fixed seeds: {@code checkin.properties.seconds}
 * (set by the build, 0 for none). {@code checkin.properties.seed} starts them from a seed of a failed run.
 */
public final class Properties {

    private Properties() {
    }

    public static Duration budget() {
        return Duration.ofSeconds(Long.getLong("checkin.properties.seconds", 0));
    }

    /** Runs {@code check} with new seeds until the budget is spent; a failure says which seed to repeat. */
    public static int untilSpent(LongConsumer check) {
        long start = Long.getLong("checkin.properties.seed", System.nanoTime());
        Random seeds = new Random(start);
        long deadline = System.nanoTime() + budget().toNanos();
        int runs = 0;
        while (System.nanoTime() < deadline || (runs == 0 && Long.getLong("checkin.properties.seed") != null)) {
            long seed = seeds.nextLong();
            try {
                check.accept(seed);
            } catch (AssertionError e) {
                throw new AssertionError("New seeds from " + start + " (repeat with -Dcheckin.properties.seed=" + start
                        + "), run " + (runs + 1) + ", seed " + seed + ": " + e.getMessage(), e);
            }
            runs++;
        }
        System.out.println("property runs with new seeds from " + start + ": " + runs);
        return runs;
    }
}
