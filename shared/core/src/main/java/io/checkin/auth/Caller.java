package io.checkin.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.checkin.error.ProblemException;
import io.checkin.preheat.PreheatTokens;

/** Who is calling: the subject of the verified bearer token, which owns what the call creates or reads. */
@RequestScoped
public class Caller {

    /**
     * The longest subject accepted, OpenID Connect's own limit (Core 1.0, section 2: at most 255 ASCII characters):
     * what a function keeps per person (the scan limiter, the write queue) is bounded by it.
     */
    public static final int MAX_SUBJECT = 255;

    @Inject
    JsonWebToken token;

    @Inject
    PreheatTokens warmupTokens;

    /**
     * Whether this is the running warm-up's throwaway person: only a token the warm-up signed was verified with its
     * issuer, so what it sends goes to the warm-up's scratch store, never to the real one.
     */
    public boolean warmup() {
        return warmupTokens.isWarmup(token);
    }

    /**
     * Where this call is served: in {@code warmup}, the running warm-up's lane, if it is one of that warm-up's throwaway
     * people; in {@code people}'s lane if it is anyone else. A warm-up's request still in flight when its warm-up
     * ended (its lane closed, null) is refused, never served in people's lane.
     */
    public <L> L lane(L warmup, L people) {
        if (!PreheatTokens.isAnyWarmup(token)) {
            return people;
        }
        if (warmup == null || !warmup()) {
            throw new ProblemException(401, "unauthorized", "The warm-up this token was made for is over");
        }
        return warmup;
    }

    public String subject() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ProblemException(401, "unauthorized", "The token has no subject");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new ProblemException(401, "unauthorized", "The token's subject is longer than " + MAX_SUBJECT
                    + " characters");
        }
        return subject;
    }
}
