package io.checkin.testing;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function answers a hostile body with a 400 (413 when too large) problem naming the field where
 * there is one, never a 500, and writes nothing. Text fields share one policy: printable unicode in any
 * script is accepted; control characters, broken surrogates and bidi overrides are not.
 * Each module runs it against its own functions: {@code class HostileBodiesTest extends HostileBodyContract}.
 */
public abstract class HostileBodyContract extends HostileCalls {

    /** More than Jackson's nesting limit by two orders of magnitude: a recursive parser would overflow its stack. */
    static final int DEEP = 100_000;

    @TestFactory
    Stream<DynamicTest> truncatedJsonIsMalformed() {
        return forEachFunction(t -> rejected(t, t.validJson().substring(0, t.validJson().length() - 2), 400,
                "malformed-json", null));
    }

    @TestFactory
    Stream<DynamicTest> aBodyThatIsNotAnObjectIsMalformed() {
        return forEachFunction(t -> rejected(t, "[" + t.validJson() + "]", 400, "malformed-json", null));
    }

    @TestFactory
    Stream<DynamicTest> deeplyNestedArraysAreMalformed() {
        return forEachFunction(t -> rejected(t, "[".repeat(DEEP) + "]".repeat(DEEP), 400, "malformed-json", null));
    }

    @TestFactory
    Stream<DynamicTest> deeplyNestedObjectsAreMalformed() {
        return forEachFunction(t -> rejected(t, "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP), 400, "malformed-json",
                null));
    }

    @TestFactory
    Stream<DynamicTest> deepNestingUnderAnUnknownFieldIsMalformed() {
        // an unknown field is skipped, but skipping still walks every level
        return forEachFunction(t -> rejected(t, "{\"extra\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + ","
                + t.validJson().substring(1), 400, "malformed-json", null));
    }

    @TestFactory
    Stream<DynamicTest> deepNestingInTheTextFieldIsTheWrongType() {
        return forEachFunction(t -> rejected(t, t.bodyWithRaw("[".repeat(DEEP) + "]".repeat(DEEP)), 400, "invalid-type",
                t.textField()));
    }

    @TestFactory
    Stream<DynamicTest> aBodyOverOneMebibyteIsTooLarge() {
        return forEachFunction(t -> rejected(t, t.bodyWithRaw("\"" + "x".repeat(1_100_000) + "\""), 413,
                "body-too-large", null));
    }

    @TestFactory
    Stream<DynamicTest> anOperatorObjectWhereTextBelongsIsTheWrongType() {
        return wrongType("{\"$gt\":\"\"}");
    }

    @TestFactory
    Stream<DynamicTest> aWhereClauseWhereTextBelongsIsTheWrongType() {
        return wrongType("{\"$where\":\"sleep(5000) || true\"}");
    }

    @TestFactory
    Stream<DynamicTest> aNumberWhereTextBelongsIsTheWrongType() {
        return wrongType("12345678901");
    }

    @TestFactory
    Stream<DynamicTest> aBooleanWhereTextBelongsIsTheWrongType() {
        return wrongType("true");
    }

    @TestFactory
    Stream<DynamicTest> aLoneSurrogateIsRejected() {
        return invalidCharacters("\"ab\\ud800cd\"");
    }

    @TestFactory
    Stream<DynamicTest> aSwappedSurrogatePairIsRejected() {
        return invalidCharacters("\"ab\\udc00\\ud83dcd\"");
    }

    @TestFactory
    Stream<DynamicTest> aNulCharacterIsRejected() {
        return invalidCharacters("\"ab\\u0000cd\"");
    }

    @TestFactory
    Stream<DynamicTest> anEscapeSequenceIsRejected() {
        return invalidCharacters("\"ab\\u001b[2Jcd\"");
    }

    @TestFactory
    Stream<DynamicTest> aBidiOverrideIsRejected() {
        // "Trojan source": U+202E shows the rest of a name backwards, so what a person reads is not what is stored
        return invalidCharacters("\"ab\\u202ecd\"");
    }

    @TestFactory
    Stream<DynamicTest> aBidiIsolateIsRejected() {
        return invalidCharacters("\"ab\\u2067cd\"");
    }

    private Stream<DynamicTest> wrongType(String rawJson) {
        return forEachFunction(t -> rejected(t, t.bodyWithRaw(rawJson), 400, "invalid-type", t.textField()));
    }

    private Stream<DynamicTest> invalidCharacters(String jsonString) {
        return forEachFunction(t -> rejected(t, t.bodyWithRaw(jsonString), 400, "invalid-characters", t.textField()));
    }
}
