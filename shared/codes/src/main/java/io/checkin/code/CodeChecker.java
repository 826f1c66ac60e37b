package io.checkin.code;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.code.VenueStatusCache;
import io.checkin.venue.VenueState;
import io.checkin.venue.VenueStatus;

/** Accepts a code only when it is genuine, for the right direction, and still current for an active venue. */
@ApplicationScoped
public class CodeChecker {

    private final CodeVerifier verifier;
    private final VenueStatusCache venues;

    @Inject
    public CodeChecker(CodeVerifier verifier, VenueStatusCache venues) {
        this.verifier = verifier;
        this.venues = venues;
    }

    public VenueCode check(String codeOrUrl, Direction expected) {
        VenueCode code = genuine(codeOrUrl, expected);
        requireCurrent(code);
        return code;
    }

    /** A code signed by a published key, for the expected direction; whether it is still current is not checked. */
    public VenueCode genuine(String codeOrUrl, Direction expected) {
        return verifier.verify(codeOrUrl, expected);
    }

    /** Throws {@link CodeRejectedException} when the venue re-issued its codes, is gone, or is suspended. */
    public void requireCurrent(VenueCode code) {
        requireCurrent(code, venues.state(code.venueId(), code.codeVersion()));
    }

    /** A venue that no longer exists, or that re-issued its codes, revokes the code. */
    public static void requireCurrent(VenueCode code, Optional<VenueState> state) {
        if (state.isEmpty() || code.codeVersion() != state.get().codeVersion()) {
            throw new CodeRejectedException(CodeRejectedException.REVOKED,
                    "This code was replaced; scan the code now displayed at the venue");
        }
        if (state.get().status() == VenueStatus.SUSPENDED) {
            throw new CodeRejectedException(CodeRejectedException.VENUE_SUSPENDED, "This venue is suspended");
        }
    }
}
