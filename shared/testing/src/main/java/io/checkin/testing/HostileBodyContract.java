package io.checkin.testing;

import java.nio.charset.StandardCharsets;
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
    Stream<DynamicTest> aValidBodySentAsPlainTextIsAnUnsupportedMediaType() {
        return forEachFunction(t -> StoreCounts.unchangedBy(collections, "a body that is not declared as JSON",
                () -> Api.problem(Api.request(t.validToken()).contentType("text/plain").body(t.validJson())
                        .post("/" + t.function()).then(), 415, "unsupported-media-type", null)));
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

    @TestFactory
    Stream<DynamicTest> contentAfterTheBodyIsMalformed() {
        return forEachFunction(t -> {
            rejected(t, t.validJson() + "}}}", 400, "malformed-json", null);
            rejected(t, t.validJson() + " not JSON", 400, "malformed-json", null);
            rejected(t, t.validJson() + t.validJson(), 400, "malformed-json", null);
            rejected(t, t.validJson() + "{\"limit\":{\"$gt\":0}}", 400, "malformed-json", null);
        });
    }

    @TestFactory
    Stream<DynamicTest> aKeyTwiceIsMalformed() {
        // every key of the valid body twice, the second time with the same value: still not one meaning
        return forEachFunction(t -> rejected(t, t.validJson().substring(0, t.validJson().length() - 1) + ","
                + t.validJson().substring(1), 400, "malformed-json", null));
    }

    @TestFactory
    Stream<DynamicTest> overlongUtf8IsMalformed() {
        // C0 AF and E0 80 AF are overlong spellings of "/"; a lenient decoder reads them as one
        return forEachFunction(t -> {
            rejectedBytes(t, withBytes(t.bodyWithRaw("\"a@b\""), 0xC0, 0xAF), 400, "malformed-json", null);
            rejectedBytes(t, withBytes(t.bodyWithRaw("\"a@b\""), 0xE0, 0x80, 0xAF), 400, "malformed-json", null);
        });
    }

    @TestFactory
    Stream<DynamicTest> bytesThatAreNotUtf8AreMalformed() {
        return forEachFunction(t -> {
            rejectedBytes(t, withBytes(t.bodyWithRaw("\"a@b\""), 0xFF), 400, "malformed-json", null);
            rejectedBytes(t, withBytes(t.bodyWithRaw("\"a@b\""), 0xED, 0xA0, 0x80), 400, "malformed-json", null);
            rejectedBytes(t, withBytes(t.bodyWithRaw("\"a@b\""), 0xC3), 400, "malformed-json", null);
        });
    }

    @TestFactory
    Stream<DynamicTest> otherMethodsThanPostAre405() {
        return forEachFunction(t -> {
            for (String method : new String[] { "GET", "PUT", "DELETE", "PATCH" }) {
                StoreCounts.unchangedBy(collections, method + " " + t.function(), () -> Api.problem(
                        Api.request(t.validToken()).body(t.validJson()).request(method, "/" + t.function()).then(),
                        405, "method-not-allowed", null)).header("Allow", "POST");
            }
        });
    }

    /** The UTF-8 bytes of {@code json} with the one {@code @} in it replaced by {@code bytes}. */
    private static byte[] withBytes(String json, int... bytes) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf('@');
        byte[] out = new byte[text.length - 1 + bytes.length];
        System.arraycopy(text, 0, out, 0, at);
        for (int i = 0; i < bytes.length; i++) {
            out[at + i] = (byte) bytes[i];
        }
        System.arraycopy(text, at + 1, out, at + bytes.length, text.length - at - 1);
        return out;
    }

    private Stream<DynamicTest> wrongType(String rawJson) {
        return forEachFunction(t -> rejected(t, t.bodyWithRaw(rawJson), 400, "invalid-type", t.textField()));
    }

    private Stream<DynamicTest> invalidCharacters(String jsonString) {
        return forEachFunction(t -> rejected(t, t.bodyWithRaw(jsonString), 400, "invalid-characters", t.textField()));
    }
}
