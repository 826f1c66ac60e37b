package io.checkin.warmup.model;

/**
 * The share of its steady rate a pod serves after so many seconds under load, interpolated between measured
 * points (second, share); before the first point the first share, after the last one all of it. A pod's JIT warms
 * with the requests it serves, so the seconds count only while the pod has traffic: a pod held idle by min-scale
 * starts the ramp at its first request.
 *
 * <p>The measured points are scan-in's on Temurin 25 (docs/benchmarks.md, "Pre-heat", 2026-11-29, first table):
 * requests/s in the 2-second windows after ready over the same pod's steady rate (after 50 s of load), placed at
 * each window's middle.
 */
public record WarmUpRamp(String name, double[] seconds, double[] shares) {

    /** A JVM pod without the warm-up at start: 46, 104, 141, 301 and 875 of its 1,866 requests/s. */
    public static final WarmUpRamp COLD = new WarmUpRamp("cold", new double[] { 1, 3, 5, 9, 19, 51 },
            new double[] { 46 / 1866.0, 104 / 1866.0, 141 / 1866.0, 301 / 1866.0, 875 / 1866.0, 1 });

    /** A JVM pod that warmed up before ready (pre-heated): 513, 760, 934, 1,159 and 1,464 of its 2,511 requests/s. */
    public static final WarmUpRamp PREHEATED = new WarmUpRamp("preheated", new double[] { 1, 3, 5, 9, 19, 51 },
            new double[] { 513 / 2511.0, 760 / 2511.0, 934 / 2511.0, 1159 / 2511.0, 1464 / 2511.0, 1 });

    /** A pod at its steady rate from its first request: a native executable, which has no JIT to warm. */
    public static final WarmUpRamp NONE = new WarmUpRamp("none", new double[] { 0 }, new double[] { 1 });

    /** The ramp of a pod that warms up for {@code warmUpSeconds} before ready: pre-heated when it does, else cold. */
    public static WarmUpRamp forWarmUp(double warmUpSeconds) {
        return warmUpSeconds > 0 ? PREHEATED : COLD;
    }

    public static WarmUpRamp named(String name) {
        for (WarmUpRamp ramp : new WarmUpRamp[] { COLD, PREHEATED, NONE }) {
            if (ramp.name.equals(name)) {
                return ramp;
            }
        }
        throw new IllegalArgumentException("unknown warm-up ramp '" + name + "' (cold, preheated, none)");
    }

    public double share(double secondsUnderLoad) {
        if (secondsUnderLoad <= seconds[0]) {
            return shares[0];
        }
        for (int i = 1; i < seconds.length; i++) {
            if (secondsUnderLoad <= seconds[i]) {
                double f = (secondsUnderLoad - seconds[i - 1]) / (seconds[i] - seconds[i - 1]);
                return shares[i - 1] + f * (shares[i] - shares[i - 1]);
            }
        }
        return 1;
    }
}
