package io.checkin.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one way request bodies are read, for every function: Funqy reads bodies with a copy of this mapper, so a
 * new function inherits every rule.
 * <ul>
 * <li>The body is UTF-8, strictly: overlong forms, surrogates and stray bytes are refused, never decoded to
 * something else (an overlong {@code C0 AF} would otherwise read as {@code /}).</li>
 * <li>One JSON value and nothing after it: {@code {...}}} or {@code {...} more} is malformed, not the first value.</li>
 * <li>No key twice in an object: which of two values counts must not depend on the reader.</li>
 * <li>Fields take only their own JSON type: Jackson would otherwise read {@code true} or {@code 12345678901} as
 * text (a venue named "true") and {@code "5"} or {@code 7.5} as a whole number.</li>
 * <li>Times are ISO-8601 text with an offset ({@code 2026-11-28T07:59:30Z}) and nothing else: not a number of
 * seconds, not blank, not padded.</li>
 * </ul>
 * A wrong type is answered invalid-type naming the field; anything else here, malformed-json.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Applied last, after Quarkus has registered its modules (JavaTimeModule's lenient Instant reader among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setInputDecorator(new Utf8Only());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        var text = mapper.coercionConfigFor(LogicalType.Textual);
        text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        var wholeNumber = mapper.coercionConfigFor(LogicalType.Integer);
        wholeNumber.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        wholeNumber.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        wholeNumber.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-times").addDeserializer(Instant.class, new IsoInstant()));
    }

    /** A body that is not valid UTF-8: JSON text is UTF-8 (RFC 8259), so this is not a JSON document. */
    public static final class NotUtf8Exception extends JsonParseException {

        private static final long serialVersionUID = 1L;

        NotUtf8Exception() {
            super(null, "The body is not valid UTF-8");
        }
    }

    /** Checks the bytes before the parser sees them; Jackson's own decoder is lenient about overlong forms. */
    static final class Utf8Only extends InputDecorator {

        private static final long serialVersionUID = 1L;

        @Override
        public InputStream decorate(IOContext ctxt, InputStream in) throws IOException {
            byte[] body = readAll(in);
            check(body, 0, body.length);
            return new ByteArrayInputStream(body);
        }

        /**
         * The whole body, in an array of its own size where the stream knows it (a request body in memory does):
         * {@link InputStream#readAllBytes()} takes two 8 KiB buffers for a scan of a few hundred bytes, which
         * was an eighth of what a scan allocated.
         */
        static byte[] readAll(InputStream in) throws IOException {
            int known = in.available();
            if (known <= 0) {
                return in.readAllBytes();
            }
            byte[] body = in.readNBytes(known);
            int next = in.read();
            if (next < 0) {
                return body;
            }
            byte[] rest = in.readAllBytes();
            byte[] all = Arrays.copyOf(body, body.length + 1 + rest.length);
            all[body.length] = (byte) next;
            System.arraycopy(rest, 0, all, body.length + 1, rest.length);
            return all;
        }

        @Override
        public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) throws IOException {
            check(src, offset, length);
            return null;
        }

        @Override
        public Reader decorate(IOContext ctxt, Reader r) {
            return null;
        }

        static void check(byte[] bytes, int offset, int length) throws NotUtf8Exception {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] < 0) {
                    try {
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(bytes, offset, length));
                    } catch (CharacterCodingException e) {
                        throw new NotUtf8Exception();
                    }
                    return;
                }
            }
        }
    }

    /** ISO-8601 text with an offset, or the wrong type; JSON null is absent, as for every field. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 time with an offset");
            }
        }
    }
}
