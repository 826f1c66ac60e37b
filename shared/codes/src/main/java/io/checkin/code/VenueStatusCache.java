package io.checkin.code;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import io.checkin.code.CodeConfig;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueState;
import io.checkin.venue.VenueStore;

/**
 * Venue status and current code version, cached for a short time so that the scan path reads the store
 * once per venue and interval, not once per scan. A suspension or re-issue takes effect within the TTL.
 */
@ApplicationScoped
public class VenueStatusCache {

    /** Heap per cached venue at most, measured (VenueStatusCacheMemoryTest): node, venue id, state. */
    public static final int BYTES_PER_ENTRY = 250;

    private final Function<String, Optional<VenueState>> loader;
    private final Cache<String, Optional<VenueState>> states;

    @Inject
    public VenueStatusCache(VenueStore store, CodeConfig config) {
        this(reading(store, Map.of()), config.verifiedCacheSize(), config.venueStatusTtl());
    }

    /**
     * Loads a venue's state from the store, else from {@code held}: venues that are in no store (the warm-up's). One
     * loader for people's cache and the warm-up's, so that the JIT compiles the load for both: a second kind of loader
     * seen first at people's first scan made the compiled scan path be thrown away and compiled again then.
     */
    public static Function<String, Optional<VenueState>> reading(VenueStore store, Map<String, VenueState> held) {
        return id -> store.find(id).map(Venue::state).or(() -> Optional.ofNullable(held.get(id)));
    }

    /**
     * Over {@code loader}'s venues, holding at most {@code maximumSize} (0: none, every lookup loads), each for
     * {@code ttl}.
     */
    public VenueStatusCache(Function<String, Optional<VenueState>> loader, long maximumSize, Duration ttl) {
        this.loader = loader;
        this.states = LoadingCaches.holding(maximumSize).expireAfterWrite(ttl).build();
    }

    /**
     * The venue's state, at least as new as {@code seenVersion}: a code newer than the cached state means the
     * venue was re-issued since it was cached, so the cached entry is stale and is read again.
     */
    public Optional<VenueState> state(String venueId, int seenVersion) {
        Optional<VenueState> cached = states.get(venueId, this::load);
        if (cached.isPresent() && cached.get().codeVersion() < seenVersion) {
            cached = load(venueId);
            states.put(venueId, cached);
        }
        return cached;
    }

    /** How many venues' states are cached now (Caffeine's estimate). */
    public long size() {
        return states.estimatedSize();
    }

    public void forget(String venueId) {
        states.invalidate(venueId);
    }

    private Optional<VenueState> load(String venueId) {
        return loader.apply(venueId);
    }
}
