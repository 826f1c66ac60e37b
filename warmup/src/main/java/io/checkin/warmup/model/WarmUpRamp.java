package io.checkin.warmup.model;

/**
 * The share of its steady rate a pod serves after so many seconds under load, interpolated between measured
 * points (second, share); before the first point the first share, after the last one all of it. A pod's JIT warms
 * with the requests it serves, so the seconds count only while the pod has traffic: a pod held idle by min-scale
 * starts the ramp at its first request.
 *
 * <p>The measured points are scan-in's (docs/benchmarks.md, "Pre-heat"): requests/s in the 2-second windows after
 * ready over the same pod's steady rate (after 50 s of load), placed at each window's middle.
 */
public record WarmUpRamp(String name, double[] seconds, double[] shares) {

    /**
     * A JVM pod without the warm-up at start (OpenJDK 17, the images' JVM, 2026-11-30, one group-commit writer as for
     * {@link #PREHEATED}): 166, 388, 747, 1,423, 1,887, 2,007, 2,136, 2,603, 2,860 and 3,132 of its 6,590 requests/s.
     */
    public static final WarmUpRamp COLD = new WarmUpRamp("cold", new double[] { 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 51 },
            new double[] { 166 / 6590.0, 388 / 6590.0, 747 / 6590.0, 1423 / 6590.0, 1887 / 6590.0, 2007 / 6590.0,
                    2136 / 6590.0, 2603 / 6590.0, 2860 / 6590.0, 3132 / 6590.0, 1 });

    /**
     * A JVM pod that warmed up before ready (pre-heated; OpenJDK 17, the images' JVM, 2026-11-29, late night): 2,538,
     * 3,376, 3,868, 4,326, 4,875, 5,133, 6,417, 7,286, 7,443 and 7,407 of its 8,540 requests/s.
     */
    public static final WarmUpRamp PREHEATED = new WarmUpRamp("preheated",
            new double[] { 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 51 },
            new double[] { 2538 / 8540.0, 3376 / 8540.0, 3868 / 8540.0, 4326 / 8540.0, 4875 / 8540.0, 5133 / 8540.0,
                    6417 / 8540.0, 7286 / 8540.0, 7443 / 8540.0, 7407 / 8540.0, 1 });

    /** A pod at its steady rate from its first request: a native executable, which has no JIT to warm. */
    public static final WarmUpRamp NONE = new WarmUpRamp("none", new double[] { 0 }, new double[] { 1 });

    /**
     * The ramp of a pod that warms up for {@code warmUpSeconds} before ready: pre-heated when it does (the JVM images
     * warm up at start, knative/jvm), else none (the native executables, which need no warm-up and have none). A JVM
     * pod without a warm-up at start ramps as {@link #COLD}: name it.
     */
    public static WarmUpRamp forWarmUp(double warmUpSeconds) {
        return warmUpSeconds > 0 ? PREHEATED : NONE;
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
