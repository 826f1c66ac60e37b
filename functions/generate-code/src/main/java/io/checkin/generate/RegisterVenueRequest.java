package io.checkin.generate;

import java.util.List;

import io.checkin.code.CodeFormat;
import io.checkin.generate.VenueDraft;

/** Registers one venue; {@code formats} defaults to every rendering (svg, png, poster). */
public record RegisterVenueRequest(String name, String address, String region, Integer capacity,
        List<CodeFormat> formats) {

    VenueDraft draft() {
        return new VenueDraft(name, address, region, capacity);
    }
}
