package io.checkin.generate;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** generate-code's own settings. */
@ConfigMapping(prefix = "checkin.generate")
public interface GenerateConfig {

    /**
     * Most bytes of rendered images (svg, png, poster) one pod holds for its answers at once. One answer may carry at
     * most this much (a request that would render more is refused with 422 {@code render-limit} before anything is
     * written); answers that would together exceed it wait up to a second for room, then are refused 429
     * {@code overloaded}. Counted three times against the heap at start: the images, the answer's bytes, and its
     * buffer's growth.
     */
    @WithDefault("8M")
    MemorySize renderMemory();
}
