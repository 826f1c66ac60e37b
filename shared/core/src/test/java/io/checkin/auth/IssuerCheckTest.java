package io.checkin.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class IssuerCheckTest {

    @Test
    void startingWithoutAnIssuerFailsWithAMessageThatSaysWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IssuerCheck.check(config(Map.of())));
        assertTrue(e.getMessage().contains("MP_JWT_VERIFY_ISSUER"), e.getMessage());
    }

    @Test
    void anIssuerIsEnough() {
        assertDoesNotThrow(() -> IssuerCheck.check(config(Map.of(IssuerCheck.ISSUER, "https://id.example"))));
    }

    private static org.eclipse.microprofile.config.Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
