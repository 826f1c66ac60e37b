package io.checkin.generate;

import java.util.List;

import io.checkin.code.CodeFormat;

/**
 * Names one of the caller's venues; {@code formats} applies where codes are returned; {@code requestId} (re-issue
 * only) makes a retry answer the codes the first attempt issued instead of revoking them too.
 */
public record VenueRequest(String venueId, List<CodeFormat> formats, String requestId) {
}
