package io.checkin.scanin;

import jakarta.enterprise.context.ApplicationScoped;

import io.checkin.code.Direction;
import io.checkin.testing.ScanTargets;

@ApplicationScoped
class ScanInTargets extends ScanTargets {

    @Override
    protected Direction direction() {
        return Direction.IN;
    }
}
