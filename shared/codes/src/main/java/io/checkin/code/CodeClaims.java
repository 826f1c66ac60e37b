package io.checkin.code;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.json.JsonUtil;

/** Claim names of a venue code: short, because every byte makes the printed QR code denser. */
public final class CodeClaims {

    public static final String VENUE = "vid";
    public static final String DIRECTION = "dir";
    public static final String VERSION = "ver";
    public static final String NAME = "name";

    private CodeClaims() {
    }

    /** The signed content of a code, as JSON: what a signature covers. */
    public static String json(VenueCode code) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(VENUE, code.venueId());
        claims.put(DIRECTION, code.direction().name());
        claims.put(VERSION, code.codeVersion());
        claims.put(NAME, code.venueName());
        return JsonUtil.toJson(claims);
    }

    static VenueCode parse(Map<String, Object> claims) {
        if (!(claims.get(VENUE) instanceof String venueId) || venueId.isBlank()
                || !(claims.get(DIRECTION) instanceof String direction)
                || !(claims.get(VERSION) instanceof Number version)
                || !(claims.get(NAME) instanceof String name)) {
            throw new CodeRejectedException(CodeRejectedException.MALFORMED, "The code lacks venue claims");
        }
        Direction parsed;
        try {
            parsed = Direction.valueOf(direction);
        } catch (IllegalArgumentException e) {
            throw new CodeRejectedException(CodeRejectedException.MALFORMED, "The code has an unknown direction");
        }
        return new VenueCode(venueId, parsed, version.intValue(), name);
    }
}
