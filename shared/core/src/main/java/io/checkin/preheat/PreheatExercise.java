package io.checkin.preheat;

import java.util.function.IntFunction;

/**
 * What a module sends in the warm-up (the scan functions: scans). {@link #prepare} makes what the requests need with
 * throwaway keys; the returned requests are sent to the pod's own port; {@link Requests#close()} removes every trace.
 */
public interface PreheatExercise {

    Requests prepare(PreheatTokens.Session tokens, int people, int venues);

    /** Whether the application hosts a function this exercise sends to; one that hosts none is left out. */
    default boolean hosted() {
        return true;
    }

    /** A new run's name, random: what its throwaway people, venues and keys are named after, and deleted by. */
    static String newRun() {
        return PreheatTokens.random(9);
    }

    /** The i-th request, for any i from 0; closing ends what was opened for them. */
    interface Requests extends IntFunction<PreheatRequest>, AutoCloseable {
        @Override
        void close();
    }
}
