package io.checkin.scanout;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.checkin.code.Direction;
import io.checkin.scan.ScanRoute;

/** scan-out's path and direction, for the warm-up (io.checkin.scan.ScanPreheat), which sends it exit scans. */
@Singleton
public class ScanOutRoute {

    @Produces
    @Singleton
    ScanRoute route() {
        return new ScanRoute("/scan-out", Direction.OUT);
    }
}
