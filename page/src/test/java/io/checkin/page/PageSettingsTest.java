package io.checkin.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Settings the page cannot work with stop the start and name the setting. */
class PageSettingsTest {

    private static PageSettings settings(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PageConfig.class)
                .withDefaultValues(values).build();
        return new PageSettings(config.getConfigMapping(PageConfig.class));
    }

    @Test
    void openIdConnectWithoutAnIssuerStopsTheStartNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("checkin.page.openid-connect.client-id", "checkin-page")));
        assertTrue(e.getMessage().contains("checkin.page.openid-connect.issuer"), e.getMessage());
    }

    @Test
    void openIdConnectWithoutAClientIdStopsTheStartNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("checkin.page.openid-connect.issuer", "https://id.example.org")));
        assertTrue(e.getMessage().contains("checkin.page.openid-connect.client-id"), e.getMessage());
    }

    @Test
    void anIdentityProviderOverPlainHttpStopsTheStartUnlessItIsOnThisMachine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings(Map.of(
                "checkin.page.openid-connect.issuer", "http://id.example.org",
                "checkin.page.openid-connect.client-id", "checkin-page")));
        assertTrue(e.getMessage().contains("checkin.page.openid-connect.issuer"), e.getMessage());
        PageSettings local = settings(Map.of("checkin.page.openid-connect.issuer", "http://localhost:9000",
                "checkin.page.openid-connect.client-id", "checkin-page"));
        assertEquals(Set.of("http://localhost:9000"), local.otherOrigins());
    }

    @Test
    void aFunctionAddressThatIsNotAnHttpUrlStopsTheStartNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings(Map.of(
                "checkin.page.sign-in", "development", "checkin.page.functions.scan-out", "scan-out.example.org")));
        assertTrue(e.getMessage().contains("checkin.page.functions.scan-out"), e.getMessage());
    }

    @Test
    void theDevelopmentSignInOnItsOwnOriginConnectsNowhereElse() {
        PageSettings settings = settings(Map.of("checkin.page.sign-in", "development"));
        assertEquals("development", settings.json().getJsonObject("signIn").getString("kind"));
        assertEquals("", settings.json().getJsonObject("functions").getString("scanIn"));
        assertTrue(settings.otherOrigins().isEmpty());
    }
}
