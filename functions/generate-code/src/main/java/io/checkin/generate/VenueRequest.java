package io.checkin.generate;

import java.util.List;

import io.checkin.code.CodeFormat;

/** Names one of the caller's venues; {@code formats} applies where codes are returned. */
public record VenueRequest(String venueId, List<CodeFormat> formats) {
}
