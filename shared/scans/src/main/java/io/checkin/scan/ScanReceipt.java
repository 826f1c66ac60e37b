package io.checkin.scan;

import java.time.Instant;

import io.checkin.code.Direction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to a scan: {@code recorded} the first time, {@code duplicate} for a retry of a scan already
 * stored, with the time it was first recorded.
 */
@RegisterForReflection
public record ScanReceipt(String status, String scanId, String venueId, String venueName, Direction direction,
        Instant at) {

    public static final String RECORDED = "recorded";
    public static final String DUPLICATE = "duplicate";
}
