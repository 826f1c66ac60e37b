package io.checkin.generate;

import java.util.List;

import io.checkin.code.CodeFormat;
import io.checkin.generate.VenueDraft;

/**
 * Registers up to 1,000 venues at once; {@code formats} defaults to none (token and URL only); {@code requestId} as
 * for one venue: a retry answers the venues the first attempt registered.
 */
public record BulkRegisterRequest(List<VenueDraft> venues, List<CodeFormat> formats, String requestId) {
}
