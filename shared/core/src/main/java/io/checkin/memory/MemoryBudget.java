package io.checkin.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

/**
 * The function's bounded structures (caches, the write queue, renderings) must fit its heap at their configured
 * maxima: checked at start, so a setting that would let a pod run out of memory under load stops the rollout
 * instead (the pod never turns ready), with every setting and its share named.
 */
@ApplicationScoped
public class MemoryBudget {

    private static final Logger LOG = Logger.getLogger(MemoryBudget.class);

    void onStart(@Observes StartupEvent event, MemoryConfig config, @All List<MemoryReservation> reservations) {
        LOG.info(check(reservations, Runtime.getRuntime().maxMemory(), config.budgetPercent()));
    }

    /** A one-line summary when the reservations fit; otherwise an {@link IllegalStateException} naming each. */
    public static String check(List<MemoryReservation> reservations, long maxHeap, int budgetPercent) {
        if (budgetPercent < 1 || budgetPercent > 100) {
            throw new IllegalStateException("checkin.memory.budget-percent must be between 1 and 100, not " + budgetPercent);
        }
        long budget = maxHeap / 100 * budgetPercent;
        long total = reservations.stream().mapToLong(MemoryReservation::bytes).sum();
        StringBuilder parts = new StringBuilder();
        reservations.stream().sorted(Comparator.comparingLong(MemoryReservation::bytes).reversed())
                .forEach(r -> parts.append(String.format(Locale.ROOT, "; %s: %d %s x %d B = %s", r.setting(),
                        r.entries(), r.what(), r.bytesPerEntry(), mib(r.bytes()))));
        String summary = String.format(Locale.ROOT, "%s at most, of a budget of %s (%d%% of the %s heap)",
                mib(total), mib(budget), budgetPercent, mib(maxHeap));
        if (total > budget) {
            throw new IllegalStateException("The configured maxima need " + summary + parts
                    + ". Lower these settings, raise checkin.memory.budget-percent, or give the pod more memory");
        }
        return "Bounded structures: " + summary + parts;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
