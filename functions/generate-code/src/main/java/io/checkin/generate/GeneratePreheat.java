package io.checkin.generate;

import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import com.mongodb.client.model.Filters;

import io.checkin.auth.Roles;
import io.checkin.code.CodeConfig;
import io.checkin.preheat.PreheatExercise;
import io.checkin.preheat.PreheatRequest;
import io.checkin.preheat.PreheatScratch;
import io.checkin.preheat.PreheatTokens;
import io.checkin.signing.CodeSigner;
import io.checkin.venue.VenueStore;

/**
 * generate-code's warm-up: throwaway venue managers onboard venues as a bulk onboarding does, through every step of a
 * manager's request (the bearer token, the drafts' checks, the request id, the venues' write, the codes' signatures,
 * the answer) and now and then with the images a printed poster needs (SVG, PNG, the poster). The venues go to the
 * scratch collection and are deleted when it ends; their codes are signed by a key made for this warm-up, which no
 * scan function accepts.
 */
@ApplicationScoped
public class GeneratePreheat implements PreheatExercise {

    /** Venues per bulk request: a bulk onboarding's shape at a size the warm-up can send many of. */
    private static final int VENUES_PER_REQUEST = 2;
    /** Every tenth request registers one venue with a rendering, in turn: a venue manager printing a poster. */
    private static final int RENDER_EVERY = 10;
    private static final String[] RENDERINGS = { "svg", "png", "poster" };

    @Inject
    VenueLanes lanes;

    @Inject
    PreheatScratch scratch;

    @Inject
    CodeConfig codeConfig;

    @Override
    public Requests prepare(PreheatTokens.Session tokens, int people, int venues) {
        String run = PreheatExercise.newRun();
        String prefix = "warmup-" + run + "-";
        String[] bearer = new String[people];
        for (int p = 0; p < people; p++) {
            bearer[p] = tokens.token(prefix + p, Roles.VENUE_MANAGER);
        }
        lanes.openWarmup(new VenueLanes.Lane(VenueStore.over(scratch.collection()),
                new CodeIssuer(new CodeSigner(codeKey("warmup-" + run)), codeConfig)));
        return new Requests() {
            @Override
            public PreheatRequest apply(int i) {
                String token = bearer[i % people];
                if (i % RENDER_EVERY == 0) {
                    return new PreheatRequest("/register-venue", token, "{\"name\":\"" + name(i % venues)
                            + "\",\"address\":\"" + i + " Warm-up Street\",\"region\":\"warm-up\",\"formats\":[\""
                            + RENDERINGS[i / RENDER_EVERY % RENDERINGS.length] + "\"]}");
                }
                StringJoiner drafts = new StringJoiner(",", "[", "]");
                for (int v = 0; v < VENUES_PER_REQUEST; v++) {
                    drafts.add("{\"name\":\"" + name((i + v) % venues) + "\",\"address\":\"" + v
                            + " Warm-up Street\",\"region\":\"warm-up\",\"capacity\":" + (10 + v) + "}");
                }
                return new PreheatRequest("/register-venues", token, "{\"requestId\":\"" + new UUID(run.hashCode(), i)
                        + "\",\"formats\":[],\"venues\":" + drafts + "}");
            }

            @Override
            public void close() {
                lanes.closeWarmup();
                scratch.delete(Filters.regex("ownerSub", "^" + prefix), "venues");
            }
        };
    }

    /** Names in the scripts venues have, so that the answers' and the codes' encodings are warmed as well. */
    private static String name(int v) {
        return switch (v % 3) {
            case 0 -> "Warm-up venue " + v;
            case 1 -> "Café Zürich " + v;
            default -> "北京咖啡馆 " + v;
        };
    }

    private static PublicJsonWebKey codeKey(String kid) {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot make the warm-up's code key", e);
        }
    }
}
