package io.checkin.warmup.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A known peak: which functions, when, and how much (requests/s per function at the peak). The planning
 * values default to what docs/warmup.md explains; {@code minScale} skips planning and warms exactly that many;
 * {@code warmUp} null means the function's Service says how long its pods warm up before ready.
 */
public record Event(String name, List<String> functions, Instant start, Instant end, double peak,
        Duration serviceTime, double maxRatePerPod, Duration podStartup, Duration warmUp, Duration margin,
        Integer minScale, int line) {
}
