package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.checkin.dev.DevKeys;
import io.checkin.testing.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The check-in page signing a person in as in a deployment: at a real OpenID Connect provider (OidcProviderProcess),
 * authorization code with PKCE, in headless Chromium. The local stack trusts that provider's access tokens (its
 * issuer; they are signed with the stack's development key), as a deployment's functions trust its provider's.
 */
class CheckInSignInIT extends CheckInPageBrowser {

    static final String CLIENT_ID = "checkin-page";

    static OidcProviderProcess provider;
    static Path signingKey;

    /** Hides the shared start: this stack signs in at the provider, and trusts its issuer instead of the development one. */
    @BeforeAll
    static void start() throws Exception {
        needChromium();
        DevKeys.ensure(data.resolve("keys"));
        signingKey = data.resolve("keys").resolve(DevKeys.AUTH_PRIVATE);
        provider = new OidcProviderProcess();
        stack = new LocalStackProcess(data, Map.of("CHECKIN_EMBEDDED_STORE", "memory",
                "CHECKIN_PAGE_SIGN_IN", "openid-connect",
                "CHECKIN_PAGE_OPENID_CONNECT_ISSUER", provider.issuer(),
                "CHECKIN_PAGE_OPENID_CONNECT_CLIENT_ID", CLIENT_ID,
                // the functions accept tokens from the provider's issuer instead of the development one
                "JAVA_OPTS", "-Dmp.jwt.verify.issuer=" + provider.issuer()));
        provider.start(signingKey, CLIENT_ID, stack.base() + "/checkin-page/signed-in");
        stack.start("venue-manager");
        manager = token("venue-manager");
        browser = chromium("en-GB");
        Files.createDirectories(SCREENSHOTS);
    }

    /** Hides the shared stop: the provider stops too. */
    @AfterAll
    static void stop() throws Exception {
        try (OidcProviderProcess p = provider) {
            CheckInPageBrowser.stop();
        }
    }

    /** A token for this role from the provider's issuer, signed with its key, as the functions here accept. */
    static String token(String role) throws Exception {
        return Tokens.claims("sign-in-test-" + role, role).issuer(provider.issuer()).sign(signingKey.toString());
    }

    /** Nobody is signed in: no token or scan on the page's origin, no sign-in under way, no session at the provider. */
    @BeforeEach
    void signedOut() {
        signOut();
        browser.executeScript("sessionStorage.clear()");
        browser.get(provider.issuer() + "/.well-known/openid-configuration");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aSignedOutPersonSignsInAtTheProviderAndComesBackToTheReceiptOfTheScanTheyCameFor() throws Exception {
        JsonObject venue = register("Harbour Café");
        String entry = url(venue, "entry");
        browser.get(entry);
        assertEquals("sign-in", settled(), text());
        Map<String, Object> scan = keptScan();
        screenshot("sign-in-provider");

        String person = "Lin Wei " + UUID.randomUUID();
        toProvider();
        logIn(person);
        consent(true);
        assertEquals("receipt", settled(), text());
        assertTrue(text().contains("You are checked in") && text().contains("Harbour Café"), text());
        assertEquals(entry, browser.getCurrentUrl(), "back at the code's address, without the provider's answer");
        assertEquals(scan.get("scanId"), keptScanId(), "the scan made before signing in");

        // recorded once, under the name given at the provider: that same scan sent again is a duplicate
        String token = (String) browser.executeScript("return localStorage.getItem('checkin.citizen-token')");
        HttpResponse<String> again = stack.post("/scan-in", token, new JsonObject().put("code", venue
                .getJsonObject("entry").getString("token")).put("scanId", scan.get("scanId"))
                .put("clientAt", scan.get("clientAt")).encode());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("duplicate", new JsonObject(again.body()).getString("status"));
        JsonArray visits = visitors(venue);
        assertEquals(1, visits.size(), visits.encode());
        assertEquals(person, visits.getJsonObject(0).getString("userSub"));
    }

    @Test
    void aSecondCodeUsesTheKeptTokenWithoutGoingBackToTheProvider() throws Exception {
        JsonObject venue = checkedInAtProvider("Riverside Library", "Chen Jie");
        browser.get(url(venue, "exit"));
        assertEquals("receipt", settled(), "no sign-in screen first: " + text());
        assertTrue(text().contains("You are checked out"), text());
    }

    @Test
    void aTokenPastTheTimeTheProviderGaveItLeadsToSignInAgain() throws Exception {
        JsonObject venue = checkedInAtProvider("Market Hall", "Wang Fang");
        long kept = Long.parseLong((String) browser.executeScript(
                "return localStorage.getItem('checkin.citizen-token.expires-at')"));
        assertTrue(Math.abs(kept - (System.currentTimeMillis() / 1000 + 600)) < 60, "the provider's expires_in: " + kept);
        browser.executeScript("localStorage.setItem('checkin.citizen-token.expires-at', String(Date.now() / 1000 - 1))");

        browser.get(url(venue, "exit"));
        assertEquals("sign-in", settled(), text());
        assertNull(browser.executeScript("return localStorage.getItem('checkin.citizen-token')"), "forgotten");
        toProvider(); // still signed in there: it sends the person straight back
        assertEquals("receipt", settled(), text());
        assertTrue(text().contains("You are checked out"), text());
    }

    @Test
    void cancellingAtTheProviderShowsThatNothingWasRecordedAndOffersToSignInAgain() throws Exception {
        JsonObject venue = register("Night Market");
        browser.get(url(venue, "entry"));
        assertEquals("sign-in", settled(), text());
        toProvider();
        logIn("Zhao Lei");
        consent(false);
        assertEquals("sign-in-denied", settled(), text());
        assertTrue(text().contains("nothing was recorded") && text().contains("Night Market"), text());
        assertNotNull(browser.findElement(By.cssSelector("#screen button.action")));
        assertEquals(url(venue, "entry"), browser.getCurrentUrl());
        assertEquals(0, visitors(venue).size());
        screenshot("sign-in-denied");
    }

    @Test
    void anAnswerThisPageDidNotAskForIsRefusedWithAScreenInThePersonsLanguage() throws Exception {
        inLanguage("zh-CN", () -> {
            browser.get(stack.base() + "/checkin-page/signed-in?code=forged&state=forged&iss="
                    + URLEncoder.encode(provider.issuer(), StandardCharsets.UTF_8));
            assertEquals("sign-in-failed", settled(), text());
            assertTrue(text().contains("登录未成功"), text());
            assertNull(browser.executeScript("return localStorage.getItem('checkin.citizen-token')"));
            screenshot("sign-in-failed-zh");
        });
    }

    /** A new venue, and this person signed in at the provider and checked in there through its entry code. */
    private JsonObject checkedInAtProvider(String venueName, String person) throws Exception {
        JsonObject venue = register(venueName);
        browser.get(url(venue, "entry"));
        assertEquals("sign-in", settled(), text());
        toProvider();
        logIn(person + " " + UUID.randomUUID());
        consent(true);
        assertEquals("receipt", settled(), text());
        return venue;
    }

    /** The sign-in screen's button, and the provider's page it leads to. */
    private void toProvider() {
        browser.findElement(By.cssSelector("#screen button.action")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.or(
                ExpectedConditions.urlContains(provider.issuer()),
                ExpectedConditions.attributeToBe(By.id("screen"), "data-screen", "receipt")));
    }

    /** The provider's development login: any login is the subject, any password. */
    private void logIn(String login) {
        browser.findElement(By.name("login")).sendKeys(login);
        browser.findElement(By.name("password")).sendKeys("any password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The provider's consent screen: Continue, or its Cancel (access_denied). */
    private void consent(boolean allow) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[name=prompt][value=consent]")));
        browser.findElement(allow ? By.cssSelector("button[type=submit]") : By.linkText("[ Cancel ]")).click();
    }

    /** Every visit at the venue, as a health official sees them. */
    private JsonArray visitors(JsonObject venue) throws Exception {
        return call("venue-visitors", token("health-official"), new JsonObject().put("venueId", venueId(venue)))
                .getJsonArray("visits");
    }
}
