package io.checkin.scanin;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.checkin.code.Direction;
import io.checkin.scan.ScanRoute;

/** scan-in's path and direction, for the warm-up (io.checkin.scan.ScanPreheat), which sends it entry scans. */
@Singleton
public class ScanInRoute {

    @Produces
    @Singleton
    ScanRoute route() {
        return new ScanRoute("/scan-in", Direction.IN);
    }
}
