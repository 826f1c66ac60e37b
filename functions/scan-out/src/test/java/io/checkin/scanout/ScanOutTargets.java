package io.checkin.scanout;

import jakarta.enterprise.context.ApplicationScoped;

import io.checkin.code.Direction;
import io.checkin.testing.ScanTargets;

@ApplicationScoped
class ScanOutTargets extends ScanTargets {

    @Override
    protected Direction direction() {
        return Direction.OUT;
    }
}
