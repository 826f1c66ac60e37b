package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.checkin.testing.QrImages;
import io.vertx.core.json.JsonObject;

/**
 * What the check-in page's browser tests share: Debian's headless Chromium in a phone-sized window (360 x 740)
 * against the local stack as {@code ./local-stack} starts it, once per test class. A venue's codes are read back
 * from their PNGs, as a phone's camera reads the poster; a test opens such a code and reads the screen the staff at
 * the door would see. Screens are written to target/screenshots/.
 */
abstract class CheckInPageBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Set<String> SETTLED = Set.of("sign-in", "receipt", "duplicate", "revoked", "suspended",
            "wrong-direction", "too-many-scans", "unavailable", "offline", "expired", "invalid-code", "problem",
            "visits", "sign-in-denied", "sign-in-failed");

    /** Above what any test records for one person (three scans), so that the limit's screen is reached in a few. */
    static final int SCANS_PER_MINUTE = 3;

    @TempDir
    static Path data;

    static LocalStackProcess stack;
    static ChromeDriver browser;
    static String manager;

    @BeforeAll
    static void start() throws Exception {
        needChromium();
        stack = new LocalStackProcess(data, Map.of("CHECKIN_EMBEDDED_STORE", "memory",
                "CHECKIN_SCAN_RATE_LIMIT_PER_MINUTE", String.valueOf(SCANS_PER_MINUTE)));
        manager = stack.start("venue-manager");
        browser = chromium("en-GB");
        Files.createDirectories(SCREENSHOTS);
    }

    /** Fails, never skips, without the browser, naming what to install. */
    static void needChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
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

    /** Steps a test takes in the browser, which may fail with anything a test may. */
    interface Steps {
        void run() throws Exception;
    }

    /** Runs the steps in a browser of its own set to this language, then quits it and goes back to the class's one. */
    static void inLanguage(String language, Steps steps) throws Exception {
        ChromeDriver own = browser;
        browser = chromium(language);
        try {
            steps.run();
        } finally {
            browser.quit();
            browser = own;
        }
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

    /** A new venue, and this person signed in and checked in there through its entry code. */
    JsonObject checkedIn(String venueName, String person) throws Exception {
        JsonObject venue = register(venueName);
        signedIn(person);
        open(url(venue, "entry"));
        assertEquals("receipt", settled(), text());
        return venue;
    }

    /** Registers a venue and returns the answer, its codes as PNGs. */
    JsonObject register(String name) throws Exception {
        return call("register-venue", new JsonObject().put("name", name).put("address", "1 Quay Street")
                .put("region", "harbour").put("formats", List.of("png")));
    }

    JsonObject call(String function, JsonObject body) throws Exception {
        return call(function, manager, body);
    }

    /** Calls a function as the holder of this token and returns its 200 answer. */
    JsonObject call(String function, String token, JsonObject body) throws Exception {
        HttpResponse<String> answer = stack.post("/" + function, token, body.encode());
        assertEquals(200, answer.statusCode(), answer.body());
        return new JsonObject(answer.body());
    }

    static String venueId(JsonObject registered) {
        return registered.getJsonObject("venue").getString("venueId");
    }

    /** The URL a camera reads from the code's image. */
    static String url(JsonObject registered, String direction) {
        String url = QrImages.decodePng(registered.getJsonObject(direction).getString("png"));
        assertEquals(registered.getJsonObject(direction).getString("url"), url);
        return url;
    }

    void open(String url) {
        browser.get(url);
    }

    /**
     * Signs in as this person through the development sign-in, on a page of the stack's origin (where the token is
     * kept), and returns the citizen token the page keeps.
     */
    String signedIn(String name) {
        signOut();
        return (String) browser.executeScript("return fetch('/dev/sign-in', {method: 'POST',"
                + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name: arguments[0]})})"
                + ".then(r => r.json()).then(b => { localStorage.setItem('checkin.citizen-token', b.token);"
                + " return b.token; })", name + " " + UUID.randomUUID());
    }

    /** Forgets the person and every scan the phone kept, as a phone of someone else would start. */
    void signOut() {
        browser.get(stack.base() + "/c/not-a-code");
        browser.executeScript("localStorage.clear(); return new Promise(done => {"
                + " const request = indexedDB.deleteDatabase('checkin-page');"
                + " request.onsuccess = request.onerror = request.onblocked = () => done(true); })");
    }

    /** The screen once the page has an answer (or needs the person), by its data-screen name. */
    String settled() {
        return settledAfter(null);
    }

    /** The next settled screen after the one shown, once the person acted on it. */
    String settledAfter(String shown) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            if (!driver.getCurrentUrl().startsWith(stack.base())) {
                return null; // at the identity provider, on the way back
            }
            String screen = driver.findElement(By.id("screen")).getAttribute("data-screen");
            return SETTLED.contains(screen) && !screen.equals(shown) ? screen : null;
        });
    }

    String text() {
        return browser.findElement(By.id("screen")).getText();
    }

    /** The latest scan the phone keeps for the code of the page shown (outbox.js), or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> keptScan() {
        return (Map<String, Object>) browser.executeScript("return (async () => {"
                + " if (!(await indexedDB.databases()).some(d => d.name === 'checkin-page')) return null;"
                + " const db = await new Promise(done => { const r = indexedDB.open('checkin-page');"
                + "   r.onsuccess = () => done(r.result); });"
                + " const scans = await new Promise(done => { const q = db.transaction('scans').objectStore('scans')"
                + "   .getAll(); q.onsuccess = () => done(q.result); });"
                + " db.close();"
                + " return scans.filter(s => s.token === location.pathname.slice(3))"
                + "   .sort((a, b) => b.keptAt - a.keptAt)[0] || null; })()");
    }

    String keptScanId() {
        return (String) keptScan().get("scanId");
    }

    void screenshot(String screen) throws Exception {
        Files.write(SCREENSHOTS.resolve(screen + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
