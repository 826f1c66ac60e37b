package io.checkin.testing;

import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;

import io.checkin.store.StoreCollections;
import io.restassured.response.ValidatableResponse;

/** What the hostile-input contracts share: one dynamic test per function, and the check that nothing was written. */
public abstract class HostileCalls {

    @Inject
    protected HostileTargets targets;

    @Inject
    protected StoreCollections collections;

    protected Stream<DynamicTest> forEachFunction(Consumer<HostileTarget> check) {
        return targets.all().stream().map(t -> DynamicTest.dynamicTest(t.function(), () -> check.accept(t)));
    }

    /** Calls the function with a raw body and asserts the problem answer and that no collection grew. */
    protected ValidatableResponse rejected(HostileTarget target, String token, String rawBody, int status, String code,
            String field) {
        return StoreCounts.unchangedBy(collections, "a rejected call",
                () -> Api.problem(Api.callRaw(target.function(), token, rawBody), status, code, field));
    }

    /** The same with a body of raw bytes. */
    protected ValidatableResponse rejectedBytes(HostileTarget target, byte[] body, int status, String code, String field) {
        return StoreCounts.unchangedBy(collections, "a rejected call",
                () -> Api.problem(Api.callBytes(target.function(), target.validToken(), body), status, code, field));
    }

    /** The same with a valid token for the function's role. */
    protected ValidatableResponse rejected(HostileTarget target, String rawBody, int status, String code, String field) {
        return rejected(target, target.validToken(), rawBody, status, code, field);
    }
}
