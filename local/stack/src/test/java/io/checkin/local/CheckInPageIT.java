package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.vertx.core.json.JsonObject;

/**
 * The check-in page's screens in a real browser, with a connection: each test opens a venue's code and reads the
 * screen the staff at the door would see, from the receipt to every refusal.
 */
class CheckInPageIT extends CheckInPageBrowser {

    @Test
    void anEntryCodeAsksASignedOutPersonToSignInThenShowsTheReceiptWithTheVenueName() throws Exception {
        JsonObject venue = register("Harbour Café");
        signOut();
        open(url(venue, "entry"));
        assertEquals("sign-in", settled(), text());
        assertTrue(text().contains("Harbour Café"), text());
        screenshot("sign-in");

        browser.findElement(By.id("name")).sendKeys("Lin Wei");
        browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        assertEquals("receipt", settledAfter("sign-in"), text());
        assertTrue(text().contains("Harbour Café"), text());
        assertTrue(text().contains("ENTRY") || text().contains("Entry"), text());
        assertTrue(text().contains("You are checked in"), text());
        assertClockRuns();
        screenshot("receipt-entry");
    }

    @Test
    void anExitCodeShowsTheExitReceipt() throws Exception {
        JsonObject venue = checkedIn("Riverside Library", "Chen Jie");
        open(url(venue, "exit"));
        assertEquals("receipt", settled(), text());
        assertTrue(text().contains("You are checked out"), text());
        assertTrue(text().contains("Riverside Library"), text());
        screenshot("receipt-exit");
    }

    @Test
    void openingTheCodeAgainIsANewScanAndReloadingThePageSendsTheSameScanAnsweredAsDuplicate() throws Exception {
        JsonObject venue = checkedIn("Market Hall", "Wang Fang");
        String firstScan = keptScanId();

        open(url(venue, "entry"));
        assertEquals("receipt", settled(), "a new scan is recorded: " + text());
        String secondScan = keptScanId();
        assertNotEquals(firstScan, secondScan);
        String recordedAt = browser.findElement(By.cssSelector(".scan-time")).getText();

        browser.navigate().refresh();
        assertEquals("duplicate", settled(), text());
        assertEquals(secondScan, keptScanId(), "a reload sends the scan it already sent");
        assertTrue(text().contains("already checked in"), text());
        assertTrue(text().contains(recordedAt), "the first recording's time " + recordedAt + ": " + text());
        assertClockRuns();
        screenshot("duplicate");
    }

    @Test
    void aCodeReplacedByReissuedCodesShowsTheRevokedScreen() throws Exception {
        JsonObject venue = register("Old Town Gym");
        String oldEntry = url(venue, "entry");
        call("reissue-codes", new JsonObject().put("venueId", venueId(venue)).put("formats", List.of()));
        signedIn("Li Na");
        shows(oldEntry, "revoked", "no longer valid");
        assertTrue(!text().contains("{") && !text().contains("code-revoked"), "no raw answer: " + text());
    }

    @Test
    void aSuspendedVenuesCodeShowsTheSuspendedScreen() throws Exception {
        JsonObject venue = register("Night Market");
        call("suspend-venue", new JsonObject().put("venueId", venueId(venue)));
        signedIn("Zhao Lei");
        shows(url(venue, "exit"), "suspended", "suspended");
    }

    @Test
    void aPersonAtTheScanLimitIsToldHowLongToWait() throws Exception {
        JsonObject venue = checkedIn("Bus Station", "Zhou Min");
        for (int scan = 1; scan < SCANS_PER_MINUTE; scan++) {
            open(url(venue, scan % 2 == 1 ? "exit" : "entry"));
            assertEquals("receipt", settled(), text());
        }
        open(url(venue, "entry"));
        assertEquals("too-many-scans", settled(), text());
        assertTrue(text().matches("(?s).*wait \\d+ seconds.*"), text());
        screenshot("too-many-scans");
    }

    @Test
    void aBrowserInChineseShowsTheReceiptAndTheVisitsInChinese() throws Exception {
        inLanguage("zh-CN", () -> {
            assertEquals("zh-CN", browser.executeScript("return navigator.language"));
            JsonObject venue = register("海港咖啡馆");
            signedIn("林伟");
            open(url(venue, "entry"));
            assertEquals("receipt", settled(), text());
            assertTrue(text().contains("已登记进场") && text().contains("海港咖啡馆"), text());
            screenshot("receipt-zh");
            browser.findElement(By.linkText("我的到访记录")).click();
            assertEquals("visits", settled(), text());
            assertTrue(text().contains("最近 14 天") && text().contains("海港咖啡馆"), text());
            screenshot("visits-zh");
        });
    }

    @Test
    void aDamagedLinkShowsThatItIsNotAVenueCode() throws Exception {
        shows(stack.base() + "/c/not-a-code", "invalid-code", "not a venue code");
    }

    @Test
    void thePageFitsA360PixelScreenWithoutSidewaysScrolling() throws Exception {
        checkedIn("A venue with a rather long name, as some shopping centres have", "Sun Mei");
        Long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        Long viewport = (Long) browser.executeScript("return window.innerWidth");
        assertTrue(scrollWidth <= viewport, "page " + scrollWidth + " px wide in a " + viewport + " px window");
    }

    /** Opening the URL leads to this screen, saying these words; its screenshot is kept under the screen's name. */
    private void shows(String url, String screen, String words) throws Exception {
        open(url);
        assertEquals(screen, settled(), text());
        assertTrue(text().contains(words), text());
        screenshot(screen);
    }


    /** The live element changes while one looks at it: a screenshot would not. */
    private void assertClockRuns() throws InterruptedException {
        WebElement clock = browser.findElement(By.cssSelector(".live-time"));
        String before = clock.getText();
        new WebDriverWait(browser, Duration.ofSeconds(3)).until(driver -> !clock.getText().equals(before));
    }
}
