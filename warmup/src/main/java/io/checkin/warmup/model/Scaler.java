package io.checkin.warmup.model;

import java.time.Duration;

/**
 * What the KPA's scaler makes of a decision (knative/serving {@code pkg/reconciler/autoscaling/kpa}): min-scale and
 * max-scale bound it; a new revision keeps at least its initial scale until that many pods have been ready once; the
 * last pod goes only after a stable window without traffic plus the scale-to-zero grace period.
 */
final class Scaler {

    private final AutoscalerSettings s;
    private boolean initialized;
    private Duration lastTraffic;

    /** {@code newRevision}: the revision starts now, at its initial scale; else it already ran (at any scale). */
    Scaler(AutoscalerSettings settings, boolean newRevision) {
        this.s = settings;
        this.initialized = !newRevision || settings.initialScale() <= 1;
    }

    /** The pods to run now, for a decision, the pods ready and whether requests arrived this tick. */
    int scale(Duration now, int desired, int readyPods, int runningPods, boolean traffic) {
        if (traffic) {
            lastTraffic = now;
        }
        int min = s.minScale();
        if (!initialized) {
            if (readyPods >= Math.max(min, s.initialScale())) {
                initialized = true;
            } else {
                min = Math.max(min, s.initialScale());
            }
        }
        int wanted = Math.max(desired, min);
        if (s.maxScale() > 0) {
            wanted = Math.min(wanted, s.maxScale());
        }
        Duration zeroAfter = s.stableWindow().plus(s.scaleToZeroGracePeriod());
        if (wanted == 0 && runningPods > 0 && lastTraffic != null && now.minus(lastTraffic).compareTo(zeroAfter) < 0) {
            wanted = 1; // the last pod stays for the stable window plus the grace period
        }
        return wanted;
    }
}
