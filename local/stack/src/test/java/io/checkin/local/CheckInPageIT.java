package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.checkin.testing.QrImages;
import io.vertx.core.json.JsonObject;

/**
 * The check-in page in a real browser: Debian's headless Chromium in a phone-sized window (360 x 740) against the
 * local stack as {@code ./local-stack} starts it. A venue's codes are read back from their PNGs, as a phone's camera
 * reads the poster; each test opens such a code and reads the screen the staff at the door would see. Each screen
 * is written to target/screenshots/.
 */
class CheckInPageIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Set<String> SETTLED = Set.of("sign-in", "receipt", "duplicate", "revoked", "suspended",
            "wrong-direction", "too-many-scans", "unavailable", "offline", "invalid-code", "problem");

    /** Above what any other test here records for one person (two scans). */
    static final int SCANS_PER_MINUTE = 3;

    @TempDir
    static Path data;

    static LocalStackProcess stack;
    static ChromeDriver browser;
    static String manager;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        // a person may record SCANS_PER_MINUTE scans a minute here, so that the limit's screen is reached in a few
        stack = new LocalStackProcess(data, Map.of("CHECKIN_EMBEDDED_STORE", "memory",
                "CHECKIN_SCAN_RATE_LIMIT_PER_MINUTE", String.valueOf(SCANS_PER_MINUTE)));
        manager = stack.start("venue-manager");
        browser = chromium("en-GB");
        Files.createDirectories(SCREENSHOTS);
    }

    /** Headless Chromium the size of a phone's screen, in this language (navigator.language). */
    static ChromeDriver chromium(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=360,740", "--lang=" + language, "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        driver.manage().window().setSize(new Dimension(360, 740));
        return driver;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

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
    void aBrowserInChineseShowsTheReceiptInChinese() throws Exception {
        ChromeDriver english = browser;
        browser = chromium("zh-CN");
        try {
            assertEquals("zh-CN", browser.executeScript("return navigator.language"));
            JsonObject venue = register("海港咖啡馆");
            signedIn("林伟");
            open(url(venue, "entry"));
            assertEquals("receipt", settled(), text());
            assertTrue(text().contains("已登记进场") && text().contains("海港咖啡馆"), text());
            screenshot("receipt-zh");
        } finally {
            browser.quit();
            browser = english;
        }
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

    /** A new venue, and this person signed in and checked in there through its entry code. */
    private JsonObject checkedIn(String venueName, String person) throws Exception {
        JsonObject venue = register(venueName);
        signedIn(person);
        open(url(venue, "entry"));
        assertEquals("receipt", settled(), text());
        return venue;
    }

    /** Opening the URL leads to this screen, saying these words; its screenshot is kept under the screen's name. */
    private void shows(String url, String screen, String words) throws Exception {
        open(url);
        assertEquals(screen, settled(), text());
        assertTrue(text().contains(words), text());
        screenshot(screen);
    }

    /** Registers a venue and returns the answer, its codes as PNGs. */
    private JsonObject register(String name) throws Exception {
        return call("register-venue", new JsonObject().put("name", name).put("address", "1 Quay Street")
                .put("region", "harbour").put("formats", List.of("png")));
    }

    private JsonObject call(String function, JsonObject body) throws Exception {
        HttpResponse<String> answer = stack.post("/" + function, manager, body.encode());
        assertEquals(200, answer.statusCode(), answer.body());
        return new JsonObject(answer.body());
    }

    private static String venueId(JsonObject registered) {
        return registered.getJsonObject("venue").getString("venueId");
    }

    /** The URL a camera reads from the code's image. */
    private static String url(JsonObject registered, String direction) {
        String url = QrImages.decodePng(registered.getJsonObject(direction).getString("png"));
        assertEquals(registered.getJsonObject(direction).getString("url"), url);
        return url;
    }

    private void open(String url) {
        browser.get(url);
    }

    /** Signs in as this person through the page, on a page of the stack's origin (where the token is kept). */
    private void signedIn(String name) {
        signOut();
        browser.get(stack.base() + "/c/not-a-code");
        browser.executeScript("return fetch('/dev/sign-in', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: arguments[0]})}).then(r => r.json())"
                + ".then(b => localStorage.setItem('checkin.citizen-token', b.token))", name + " " + UUID.randomUUID());
    }

    private void signOut() {
        browser.get(stack.base() + "/c/not-a-code");
        browser.executeScript("localStorage.clear()");
    }

    /** The screen once the page has an answer (or needs the person), by its data-screen name. */
    private String settled() {
        return settledAfter(null);
    }

    /** The next settled screen after the one shown, once the person acted on it. */
    private String settledAfter(String shown) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            String screen = driver.findElement(By.id("screen")).getAttribute("data-screen");
            return SETTLED.contains(screen) && !screen.equals(shown) ? screen : null;
        });
    }

    private String text() {
        return browser.findElement(By.id("screen")).getText();
    }

    private String keptScanId() {
        return (String) ((JavascriptExecutor) browser).executeScript("const k = Object.keys(localStorage)"
                + ".find(k => k.startsWith('checkin.scan.') && k.endsWith(location.pathname.slice(3)));"
                + " return JSON.parse(localStorage.getItem(k)).scanId");
    }

    /** The live element changes while one looks at it: a screenshot would not. */
    private void assertClockRuns() throws InterruptedException {
        WebElement clock = browser.findElement(By.cssSelector(".live-time"));
        String before = clock.getText();
        new WebDriverWait(browser, Duration.ofSeconds(3)).until(driver -> !clock.getText().equals(before));
    }

    private void screenshot(String screen) throws Exception {
        Files.write(SCREENSHOTS.resolve(screen + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
