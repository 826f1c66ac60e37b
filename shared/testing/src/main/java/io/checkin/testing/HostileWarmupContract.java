package io.checkin.testing;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.checkin.auth.Roles;
import io.checkin.store.StoreCollections;

/**
 * The public warm-up takes no input: any body is refused as unexpected without being interpreted, a body
 * over the limit is still too large, and a forged token is refused like anywhere else rather than ignored.
 */
public abstract class HostileWarmupContract {

    @Inject
    StoreCollections collections;

    @Test
    void aDeeplyNestedBodyIsUnexpected() {
        unexpected("[".repeat(100_000));
    }

    @Test
    void anOperatorObjectBodyIsUnexpected() {
        unexpected("{\"$where\":\"sleep(5000) || true\"}");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        Api.problem(Api.callRaw("warmup", null, "\"" + "x".repeat(1_100_000) + "\""), 413, "body-too-large", null);
    }

    @Test
    void aForgedTokenIsRefused() {
        Api.problem(Api.callRaw("warmup", HostileTokens.hmacWithPublicKey(Roles.CITIZEN), ""), 401, "unauthorized",
                null).header("WWW-Authenticate", "Bearer");
    }

    private void unexpected(String body) {
        StoreCounts before = StoreCounts.of(collections);
        Api.problem(Api.callRaw("warmup", null, body), 400, "unexpected-body", null);
        before.assertUnchanged(collections, "a refused warm-up");
    }
}
