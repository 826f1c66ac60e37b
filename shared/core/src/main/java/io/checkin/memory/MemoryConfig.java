package io.checkin.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the heap the configured caches, queues and renderings may take at most. */
@ConfigMapping(prefix = "checkin.memory")
public interface MemoryConfig {

    /**
     * The share of the process's maximum heap (set by the pod's memory limit) that all bounded structures together
     * may reserve; the rest is for requests in flight, the framework and the store driver. A configuration whose
     * maxima add up to more stops the start, naming each setting.
     */
    @WithDefault("40")
    int budgetPercent();
}
