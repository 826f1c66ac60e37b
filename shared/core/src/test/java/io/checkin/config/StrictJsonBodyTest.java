package io.checkin.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonBodyTest {

    private static final byte[] BODY = "{\"code\":\"ABC\",\"scanId\":\"0f8e6a3c-4c5d-4e6f-8a9b-0c1d2e3f4a5b\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** A stream that says it holds {@code known} bytes, however many it holds. */
    private static InputStream claiming(byte[] bytes, int known) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return known;
            }
        };
    }

    @Test
    void aBodyWhoseSizeIsKnownIsReadWhole() throws IOException {
        assertArrayEquals(BODY, StrictJson.Utf8Only.readAll(new ByteArrayInputStream(BODY)));
    }

    @Test
    void aBodyLongerThanItsStreamSaidIsStillReadWhole() throws IOException {
        assertArrayEquals(BODY, StrictJson.Utf8Only.readAll(claiming(BODY, 5)));
        assertArrayEquals(BODY, StrictJson.Utf8Only.readAll(claiming(BODY, BODY.length - 1)));
    }

    @Test
    void aBodyOfUnknownSizeIsReadWhole() throws IOException {
        assertArrayEquals(BODY, StrictJson.Utf8Only.readAll(claiming(BODY, 0)));
        assertArrayEquals(new byte[0], StrictJson.Utf8Only.readAll(claiming(new byte[0], 0)));
    }

    @Test
    void aMapperWithTheRulesReadsAStreamedBodyAndRefusesOneThatIsNotUtf8() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        assertEquals("ABC", mapper.readValue(claiming(BODY, 3), Map.class).get("code"));
        byte[] overlong = { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' };
        assertThrows(StrictJson.NotUtf8Exception.class, () -> mapper.readValue(claiming(overlong, 4), Map.class));
    }
}
