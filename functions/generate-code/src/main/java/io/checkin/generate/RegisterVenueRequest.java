package io.checkin.generate;

import java.util.List;

import io.checkin.code.CodeFormat;
import io.checkin.generate.VenueDraft;

/**
 * Registers one venue; {@code formats} defaults to every rendering (svg, png, poster). {@code requestId}, a UUID the
 * client makes once per venue it means to register, makes a retry answer the venue the first attempt registered.
 */
public record RegisterVenueRequest(String name, String address, String region, Integer capacity,
        List<CodeFormat> formats, String requestId) {

    VenueDraft draft() {
        return new VenueDraft(name, address, region, capacity);
    }
}
