package io.checkin.preheat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a warm-up did: requests sent, how many were answered as a person's would be (2xx), how long it took, and
 * {@code done}, {@code budget spent}, {@code failed: ...} or {@code nothing to warm}.
 */
@RegisterForReflection
public record PreheatReport(String outcome, int requests, int answered, long millis) {
}
