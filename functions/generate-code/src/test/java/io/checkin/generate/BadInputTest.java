package io.checkin.generate;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.checkin.store.StoreCollections;
import io.checkin.testing.Api;
import io.checkin.testing.StoreCounts;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Each kind of bad input gets its 4xx problem naming the field, and writes nothing. */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class BadInputTest {

    private static final String VALID = "\"address\":\"1 Main St\",\"region\":\"north\"";

    @Inject
    StoreCollections collections;

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("register-venue", "{\"name\":", 400, "malformed-json", null),
                Arguments.of("register-venue", "[1,2,3]", 400, "malformed-json", null),
                Arguments.of("register-venue", "", 400, "missing-field", "body"),
                Arguments.of("register-venue", "{" + VALID + "}", 400, "missing-field", "name"),
                Arguments.of("register-venue", "{\"name\":\"   \"," + VALID + "}", 400, "blank-field", "name"),
                Arguments.of("register-venue", "{\"name\":{\"$gt\":\"\"}," + VALID + "}", 400, "invalid-type", "name"),
                Arguments.of("register-venue", "{\"name\":[\"a\"]," + VALID + "}", 400, "invalid-type", "name"),
                Arguments.of("register-venue", "{\"name\":\"" + "x".repeat(121) + "\"," + VALID + "}", 400,
                        "field-too-long", "name"),
                Arguments.of("register-venue", "{\"name\":\"a\\u0007b\"," + VALID + "}", 400, "invalid-characters", "name"),
                Arguments.of("register-venue", "{\"name\":\"a\\ud800b\"," + VALID + "}", 400, "invalid-characters", "name"),
                Arguments.of("register-venue", "{\"name\":\"Pub\",\"address\":\"a\"}", 400, "missing-field", "region"),
                Arguments.of("register-venue", "{\"name\":\"Pub\"," + VALID + ",\"capacity\":\"many\"}", 400,
                        "invalid-type", "capacity"),
                Arguments.of("register-venue", "{\"name\":\"Pub\"," + VALID + ",\"capacity\":0}", 400, "out-of-range",
                        "capacity"),
                Arguments.of("register-venue", "{\"name\":\"Pub\"," + VALID + ",\"formats\":[\"gif\"]}", 400,
                        "invalid-type", "formats[0]"),
                Arguments.of("register-venue", "{\"name\":\"Pub\"," + VALID + ",\"formats\":\"svg\"}", 400,
                        "invalid-type", "formats"),
                Arguments.of("register-venue", "{\"name\":" + "[".repeat(3000) + "]".repeat(3000) + "}", 400,
                        "invalid-type", "name"),
                Arguments.of("register-venues", "{\"venues\":{\"name\":\"Pub\"}}", 400, "invalid-type", "venues"),
                Arguments.of("register-venues", "{\"venues\":[{\"name\":\"Pub\"," + VALID + "},null]}", 400,
                        "missing-field", "venues[1]"),
                Arguments.of("register-venues", "{\"venues\":[{\"name\":\"Pub\"," + VALID + "},{\"name\":7.5e400}]}", 400,
                        "invalid-type", "venues[1].name"),
                Arguments.of("reissue-codes", "{}", 400, "missing-field", "venueId"),
                Arguments.of("reissue-codes", "{\"venueId\":\"../../etc\"}", 400, "invalid-field", "venueId"),
                Arguments.of("suspend-venue", "{\"venueId\":{\"$ne\":null}}", 400, "invalid-type", "venueId"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("badBodies")
    void isRejectedAndWritesNothing(String function, String body, int status, String code, String field) {
        StoreCounts before = StoreCounts.of(collections);
        Api.problem(Api.callRaw(function, Tokens.venueManager("manager-bad"), body), status, code, field);
        before.assertUnchanged(collections, function + " " + body);
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        StoreCounts before = StoreCounts.of(collections);
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"," + VALID + "}";
        Api.problem(Api.callRaw("register-venue", Tokens.venueManager("manager-bad"), huge), 413, "body-too-large", null);
        before.assertUnchanged(collections, "a body over the limit");
    }

    @Test
    void anUnknownFunctionIsNotFound() {
        Api.problem(Api.callRaw("no-such-function", Tokens.venueManager("manager-bad"), "{}"), 404, "not-found", null);
    }
}
