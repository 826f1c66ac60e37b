package io.checkin.scan;

import java.time.Instant;

/**
 * A scan as the phone sends it: the code (URL or token), a scan id the phone generated (a UUID, reused
 * when it retries), and, for a scan queued offline, when it was scanned.
 */
public record ScanRequest(String code, String scanId, Instant clientAt) {
}
