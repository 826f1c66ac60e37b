package io.checkin.scan;

import io.checkin.code.Direction;

/**
 * A scan function this application hosts: its path and the direction of the codes it takes. Each function module
 * produces its own, so the warm-up sends requests to exactly the functions the application has.
 */
public record ScanRoute(String path, Direction direction) {
}
