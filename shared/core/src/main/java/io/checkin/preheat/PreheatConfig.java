package io.checkin.preheat;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.ImageMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The warm-up: real requests to the pod's own port, with throwaway keys and a scratch collection, so that the JIT has
 * compiled the hot paths before the first person's request (docs/warmup.md, "Pre-heat").
 */
@ConfigMapping(prefix = "checkin.warmup")
public interface PreheatConfig {

    /**
     * Runs the warm-up at every start, before the pod reports ready. Unset: on in a JVM, off in a native executable,
     * which has no JIT to warm. Off: it runs only when an operator asks for it ({@code POST /preheat}), on a pod that
     * is already serving.
     */
    Optional<Boolean> atStart();

    /** Whether the warm-up runs at start here: {@link #atStart()}, else whether this is a JVM. */
    default boolean runsAtStart() {
        return atStart().orElse(ImageMode.current() != ImageMode.NATIVE_RUN);
    }

    /** Requests the warm-up sends in all (spread over the functions this application hosts). */
    @WithDefault("30000")
    int requests();

    /** Requests in flight at once, like a burst's connections. */
    @WithDefault("32")
    int concurrency();

    /**
     * The longest a warm-up takes: it stops sending a tenth of it before its end, to delete what it wrote before people's
     * requests arrive, and readiness turns UP at the latest this long after the warm-up began, whatever became of it (a
     * store that hangs, a bug), so a pod that could serve is never held back.
     */
    @WithDefault("30s")
    Duration budget();

    /** Distinct throwaway people (bearer tokens, one signature each at the start of the warm-up). */
    @WithDefault("64")
    int people();

    /**
     * Distinct throwaway venues (codes, one signature each at the start). Most warm-up scans find their venue's code
     * and state remembered, as most of a person's scans do; one in four is a first scan at its venue (the code's
     * signature checked, the state read from the store), as a person's first scan at a venue on this pod is.
     */
    @WithDefault("64")
    int venues();

    /** Where the warm-up's scans are written and deleted again: never a collection that anything reads. */
    @WithDefault("warmup-scratch")
    String scratchCollection();
}
