package io.checkin.testing;

import java.util.function.IntFunction;

/** Operations per second of one piece of work on one thread, for the in-process benchmarks. */
public final class Throughput {

    private Throughput() {
    }

    /** Runs the work for the given time; the results are consumed so the JIT cannot drop the work. */
    public static double measure(IntFunction<?> work, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += work.apply(n++).hashCode();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Warms every variant up, then keeps each one's best of several interleaved rounds. */
    public static double[] best(IntFunction<?>[] variants, double seconds, int rounds) {
        double[] best = new double[variants.length];
        for (IntFunction<?> variant : variants) {
            measure(variant, 2.0); // let the JIT compile every path first
        }
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                best[v] = Math.max(best[v], measure(variants[v], seconds));
            }
        }
        return best;
    }
}
