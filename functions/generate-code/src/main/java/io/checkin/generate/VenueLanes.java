package io.checkin.generate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.auth.Caller;
import io.checkin.venue.VenueStore;

/**
 * Where a request's venues are written and who signs their codes: the running warm-up's throwaway managers in the
 * warm-up's lane (a scratch collection, a throwaway key), everyone else in people's (the {@code venues} collection,
 * the signing key), so that nothing the warm-up sends can reach a venue or a code anyone could use.
 */
@ApplicationScoped
class VenueLanes {

    record Lane(VenueStore store, CodeIssuer issuer) {
    }

    private final Lane people;
    private final Caller caller;
    private volatile Lane warmup;

    @Inject
    VenueLanes(VenueStore store, CodeIssuer issuer, Caller caller) {
        this.people = new Lane(store, issuer);
        this.caller = caller;
    }

    /** The lane of the request being served; a request of a warm-up that is over is refused (Caller.lane). */
    Lane current() {
        return caller.lane(warmup, people);
    }

    void openWarmup(Lane lane) {
        warmup = lane;
    }

    void closeWarmup() {
        warmup = null;
    }
}
