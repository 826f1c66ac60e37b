package io.checkin.scan;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import io.checkin.auth.Roles;
import io.checkin.code.CodeChecker;
import io.checkin.code.CodeConfig;
import io.checkin.code.CodeUrls;
import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.Es256Signer;
import io.checkin.code.VenueCode;
import io.checkin.code.VenueStatusCache;
import io.checkin.preheat.PreheatExercise;
import io.checkin.preheat.PreheatRequest;
import io.checkin.preheat.PreheatScratch;
import io.checkin.preheat.PreheatTokens;
import io.checkin.store.ScanDocument;
import io.checkin.venue.VenueState;
import io.checkin.venue.VenueStatus;
import io.checkin.venue.VenueStore;

/**
 * The scan functions' warm-up: throwaway people scan throwaway venues, through every step of a person's scan (the
 * bearer token, the code's signature and its venue's state, the per-person limit, the group commit, a retry answered
 * as a duplicate, the receipt). The venues' codes are signed by a key made for this warm-up that only its own lane
 * accepts, their states are held in that lane's loader (no venue is stored), and the scans go to the scratch
 * collection and are deleted when it ends. The lane's caches are people's kind, of people's size: most warm-up scans
 * find their code and venue remembered, as most of a person's scans do, and one in {@link #FIRST_SCAN_EVERY} is a
 * first scan at its venue (the signature checked, the state read from the store by an id no venue has), so that the
 * JIT compiles both ways through the caches and neither is met for the first time by people's scans.
 */
@ApplicationScoped
public class ScanPreheat implements PreheatExercise {

    /** Every twentieth request repeats the one before it, as a phone retrying a scan whose answer it lost. */
    private static final int RETRY_EVERY = 20;

    /** One scan in four is a first scan at its venue: its code and state forgotten just before it is sent. */
    static final int FIRST_SCAN_EVERY = 4;

    @Inject
    ScanService scans;

    @Inject
    PreheatScratch scratch;

    @Inject
    CodeConfig codeConfig;

    @Inject
    VenueStore venueStore;

    @Inject
    Instance<ScanRoute> routes;

    /** Only where a scan function is: the test applications of other functions have this class too. */
    @Override
    public boolean hosted() {
        return !routes.isUnsatisfied();
    }

    @Override
    public Requests prepare(PreheatTokens.Session tokens, int people, int venues) {
        List<ScanRoute> hosted = routes.stream().toList();
        String run = PreheatExercise.newRun();
        String prefix = "warmup-" + run + "-";
        String[] bearer = new String[people];
        for (int p = 0; p < people; p++) {
            bearer[p] = tokens.token(prefix + p, Roles.CITIZEN);
        }
        KeyPair codeKey = codeKey();
        String kid = "warmup-" + run;
        Es256Signer signer = new Es256Signer(kid, (ECPrivateKey) codeKey.getPrivate());
        Map<String, VenueState> venueStates = new HashMap<>();
        Map<Direction, String[]> codes = new EnumMap<>(Direction.class);
        for (ScanRoute route : hosted) {
            codes.computeIfAbsent(route.direction(), d -> new String[venues]);
        }
        for (int v = 0; v < venues; v++) {
            String venueId = prefix + v;
            venueStates.put(venueId, new VenueState(VenueStatus.ACTIVE, 1));
            for (Map.Entry<Direction, String[]> direction : codes.entrySet()) {
                String token = signer.sign(new VenueCode(venueId, direction.getKey(), 1, "Warm-up " + v));
                // half as a code's URL, as a phone's camera reads it, half as the bare token
                direction.getValue()[v] = v % 2 == 0 || codeConfig.publicBaseUrl().isEmpty() ? token
                        : CodeUrls.url(codeConfig.publicBaseUrl().get(), token);
            }
        }
        CodeVerifier verifier = new CodeVerifier(Map.of(kid, codeKey.getPublic()), codeConfig.verifiedCacheSize(),
                codeConfig.verifiedCacheTtl());
        // a state is loaded as a person's first scan at a venue loads it: read from the store by an id no venue has (it
        // finds nothing and writes nothing), then taken from the venues held here
        VenueStatusCache states = new VenueStatusCache(VenueStatusCache.reading(venueStore, venueStates),
                codeConfig.verifiedCacheSize(), codeConfig.venueStatusTtl());
        scans.openWarmup(new CodeChecker(verifier, states), scratch.collection());
        Bson written = Filters.regex(ScanDocument.PERSON, "^" + prefix);
        // the clean-up's delete, once before any scan (it finds nothing): the classes it loads are loaded, and its path
        // compiled, before ready rather than at the clean-up just before it
        scratch.delete(written, "scans");
        return new Requests() {
            @Override
            public PreheatRequest apply(int i) {
                int n = i % RETRY_EVERY == RETRY_EVERY - 1 ? i - 1 : i;
                ScanRoute route = hosted.get(n % hosted.size());
                String code = codes.get(route.direction())[n % venues];
                if (n % FIRST_SCAN_EVERY == 0) {
                    verifier.forget(code);
                    states.forget(prefix + n % venues);
                }
                return new PreheatRequest(route.path(), bearer[n % people],
                        "{\"code\":\"" + code + "\",\"scanId\":\"" + new UUID(run.hashCode(), n) + "\"}");
            }

            @Override
            public void close() {
                scans.closeWarmup();
                scratch.delete(written, "scans");
            }
        };
    }

    private static KeyPair codeKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the warm-up's code key", e);
        }
    }
}
