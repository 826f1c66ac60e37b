package io.checkin.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a stored scan was made: the phone's clientAt, within these bounds of the server's time. The scan functions
 * refuse a clientAt outside them; history reads widen their ranges by them. One setting for both sides.
 */
@ConfigMapping(prefix = "checkin.scan")
public interface ScanClock {

    /** Oldest accepted clientAt: a scan queued offline on a phone may arrive this late. */
    @WithDefault("24h")
    Duration clientAtMaxAge();

    /** How far in the future clientAt may be: phone clocks drift. */
    @WithDefault("2m")
    Duration clockSkew();
}
