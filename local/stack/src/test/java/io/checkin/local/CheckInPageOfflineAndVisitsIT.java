package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Route;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.vertx.core.json.JsonObject;

/**
 * The check-in page without a connection, with a busy service, and the person's visits, in a real browser. The
 * connection is cut with Chromium's own network emulation (offline), as a phone in a basement loses it: the page
 * still opens from what its service worker kept, keeps the scan on the phone and sends it once the phone is back,
 * recorded once. Whether a scan was stored, and as which scan id, is asked of the functions over HTTP as the same
 * person: my-visits lists the visit, and the page's scan id sent again is answered {@code duplicate}. What the
 * functions hold while the phone is offline is not asked: Chromium applies its emulation to each new document once it
 * exists, and a scan the page sends as it opens has been seen to leave before that, its answer then lost, which is a
 * phone's dropped answer (sent again, {@code duplicate}) but not a cut connection; the functions' addresses are
 * blocked for the tab as well while it is offline (see {@link #offline()}).
 */
class CheckInPageOfflineAndVisitsIT extends CheckInPageBrowser {

    /** A test that fails offline leaves the next one its connection. */
    @AfterEach
    void connectionBack() {
        online();
    }

    @Test
    void aScanMadeOfflineIsSavedKeptOverAReloadAndSentOnceOnTheNextVisitAfterThePageWasClosed() throws Exception {
        JsonObject venue = register("Harbour Café");
        KeptScan scan = scannedOffline(venue, "Lin Wei", "entry");
        assertTrue(text().contains("saved on this phone"), text());
        screenshot("offline");
        browser.navigate().refresh();
        assertEquals("offline", settled(), text());
        assertEquals(scan.scanId(), keptScanId(), "a reload keeps the unanswered scan, not a second one");

        // the page is closed; the phone, still offline, opens the visits page: the scan waits to be sent
        open("about:blank");
        open(stack.base() + "/visits");
        assertEquals("visits", settled(), text());
        assertTrue(text().contains("Waiting to be sent") && text().contains("Harbour Café"), text());
        screenshot("visits-waiting");
        open("about:blank");

        online();
        open(stack.base() + "/visits");
        assertEquals("visits", settled(), text());
        assertFalse(text().contains("Waiting to be sent"), text());
        assertTrue(text().contains("Harbour Café"), text());
        assertStoredOnce(scan, venue, "IN");
    }

    @Test
    void aScanMadeOfflineIsSentAfterTheNextCodesScanWhenThePageWasClosed() throws Exception {
        JsonObject library = register("Riverside Library");
        JsonObject market = register("Market Hall");
        KeptScan scan = scannedOffline(library, "Wu Hao", "entry");
        open("about:blank");

        online();
        open(url(market, "entry"));
        assertEquals("receipt", settled(), text());
        assertTrue(text().contains("Market Hall"), text());
        awaitAVisit(scan.person(), library);
        assertStoredOnce(scan, library, "IN");
    }

    @Test
    void aScanMadeOfflineIsSentWhenTheConnectionComesBackWhileThePageIsOpen() throws Exception {
        JsonObject venue = register("Riverside Library");
        KeptScan scan = scannedOffline(venue, "Chen Jie", "exit");

        online();
        assertEquals("receipt", settledAfter("offline"), text());
        assertTrue(text().contains("You are checked out"), text());
        assertEquals("sent", keptScan().get("state"));
        assertStoredOnce(scan, venue, "OUT");
    }

    @Test
    void aScanRefusedWhenItIsFinallySentLeavesThePhoneAndIsShownAsNotRecorded() throws Exception {
        JsonObject venue = register("Old Town Gym");
        KeptScan scan = scannedOffline(venue, "Li Na", "entry");
        call("reissue-codes", new JsonObject().put("venueId", venueId(venue)).put("formats", List.of()));
        open("about:blank");

        online();
        open(stack.base() + "/visits");
        assertEquals("visits", settled(), text());
        assertTrue(text().contains("Not recorded") && text().contains("no longer valid"), text());
        assertFalse(text().contains("Waiting to be sent"), text());
        assertEquals(List.of(), visitsAt(scan.person(), venue));
        screenshot("visits-not-recorded");
    }

    @Test
    void aScanKeptOfflineForMoreThanADayIsNotSentAndThePersonIsToldSo() throws Exception {
        JsonObject venue = register("Night Market");
        // kept unanswered by a busy answer that never reaches the functions (the same as no connection for the phone,
        // and certain not to leave, unlike emulation at a document's start), then a day passes
        KeptScan scan = scannedWhileBusy(venue, "Zhao Lei", "exit", kept -> {
            keptSinceYesterday(kept);
            open("about:blank");
        });
        open(stack.base() + "/visits");
        assertEquals("visits", settled(), text());
        assertTrue(text().contains("Not recorded") && text().contains("Too old to send"), text());
        assertEquals("expired", keptScanState(scan), "never sent again");
        assertEquals(List.of(), visitsAt(scan.person(), venue));
    }

    /**
     * The local stack's store is in its own process and cannot be made to fail from here, so the 503 is Chromium's:
     * its DevTools Fetch interception answers scan-in as a busy function does (problem+json {@code overloaded},
     * {@code Retry-After: 2}) until the test lets the request through to the real function.
     */
    @Test
    void aBusyServiceSavesTheScanAndSendsTheSameScanAfterRetryAfter() throws Exception {
        JsonObject venue = register("Market Hall");
        KeptScan scan = scannedWhileBusy(venue, "Wang Fang", "entry", kept -> {
            assertTrue(text().contains("sent again in 2 seconds"), text());
            screenshot("unavailable");
        });
        assertEquals("receipt", settledAfter("unavailable"), text());
        assertStoredOnce(scan, venue, "IN");
    }

    @Test
    void myVisitsListsThePersonsVisitsNewestFirstAPageAtATime() throws Exception {
        String person = signedIn("Zhou Min");
        Instant now = Instant.now();
        List<String> venues = List.of("Old Town Gym", "Night Market", "Harbour Café");
        for (int hoursAgo = 3; hoursAgo >= 1; hoursAgo--) {
            JsonObject venue = register(venues.get(3 - hoursAgo));
            call("scan-in", person, new JsonObject().put("code", url(venue, "entry"))
                    .put("scanId", UUID.randomUUID().toString())
                    .put("clientAt", now.minus(Duration.ofHours(hoursAgo)).toString()));
        }

        open(stack.base() + "/visits?limit=2");
        assertEquals("visits", settled(), text());
        assertEquals(List.of("Harbour Café", "Night Market"), listedVenues());
        screenshot("visits");

        browser.findElement(By.cssSelector("button.more")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> listedVenues().size() == 3);
        assertEquals(List.of("Harbour Café", "Night Market", "Old Town Gym"), listedVenues());
        assertTrue(browser.findElements(By.cssSelector("button.more")).isEmpty(), "no more pages");
    }

    @Test
    void theReceiptLinksToMyVisits() throws Exception {
        checkedIn("Bus Station", "Sun Mei");
        browser.findElement(By.linkText("My visits")).click();
        assertEquals("visits", settled(), text());
        assertTrue(text().contains("Bus Station"), text());
    }

    /** A person's scan the page kept without a connection: who made it, and its scan id. */
    private record KeptScan(String person, String scanId) {
    }

    /** What a test does while Chromium still answers for the function. */
    private interface WhileBusy {
        void with(KeptScan scan) throws Exception;
    }

    /**
     * This person opens the venue's code while Chromium answers its function as a busy one does: the scan is kept,
     * waiting, and cannot reach the function before {@code whileBusy} has run.
     */
    private KeptScan scannedWhileBusy(JsonObject venue, String name, String direction, WhileBusy whileBusy)
            throws Exception {
        String person = signedIn(name);
        try (NetworkInterceptor busy = busy(direction.equals("entry") ? "/scan-in" : "/scan-out")) {
            open(url(venue, direction));
            assertEquals("unavailable", settled(), text());
            KeptScan scan = new KeptScan(person, keptScanId());
            assertEquals("pending", keptScan().get("state"));
            whileBusy.with(scan);
            return scan;
        }
    }

    /**
     * This person, signed in on a phone whose page was kept, opens the venue's code without a connection: the scan is
     * saved, waiting.
     */
    private KeptScan scannedOffline(JsonObject venue, String name, String direction) {
        String person = signedIn(name);
        pageKeptForOffline();
        offline();
        open(url(venue, direction));
        assertEquals("offline", settled(), text());
        assertEquals("pending", keptScan().get("state"));
        return new KeptScan(person, keptScanId());
    }

    /** Chromium answers the function at this path as a busy one does (503 overloaded, Retry-After 2) while open. */
    private NetworkInterceptor busy(String path) {
        return new NetworkInterceptor(browser, Route.matching(request -> request.getUri().endsWith(path))
                .to(() -> request -> new HttpResponse().setStatus(503).setHeader("Retry-After", "2")
                        .setHeader("Content-Type", "application/problem+json")
                        .setContent(Contents.utf8String("{\"status\":503,\"code\":\"overloaded\","
                                + "\"title\":\"Service Unavailable\"}"))));
    }

    /** The state the phone keeps for this scan (outbox.js): pending, sent, refused or expired. */
    private String keptScanState(KeptScan scan) {
        return (String) browser.executeScript("return new Promise(done => { const r = indexedDB.open('checkin-page');"
                + " r.onsuccess = () => { const store = r.result.transaction('scans').objectStore('scans');"
                + "  store.get(arguments[0]).onsuccess = (e) => { r.result.close(); done(e.target.result.state); }; }; })",
                scan.scanId());
    }

    /** Moves the kept scan 25 hours back, as if the phone had stayed without a connection since. */
    private void keptSinceYesterday(KeptScan scan) {
        browser.executeScript("return new Promise(done => { const r = indexedDB.open('checkin-page');"
                + " r.onsuccess = () => { const store = r.result.transaction('scans', 'readwrite').objectStore('scans');"
                + "  store.get(arguments[0]).onsuccess = (e) => { const kept = e.target.result;"
                + "   kept.keptAt -= 25 * 3600 * 1000; kept.clientAt = new Date(kept.keptAt).toISOString();"
                + "   store.put(kept).onsuccess = () => { r.result.close(); done(true); }; }; }; })", scan.scanId());
    }

    /** The service worker has kept the page's files: from now on the page opens without a connection. */
    private void pageKeptForOffline() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return navigator.serviceWorker.ready.then(() => caches.match('/checkin-page/shell'))"
                        + ".then(shell => Boolean(shell))")));
    }

    /**
     * No connection: Chromium's offline emulation, and the functions' addresses blocked for the tab as well, because
     * the emulation reaches a new document only once it exists, and a page that sends a kept scan as it opens has been
     * seen to get it out before that. A blocked request fails as a lost connection does (fetch rejects).
     */
    private void offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        browser.setNetworkConditions(conditions);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/scan-in", "*/scan-out", "*/my-visits")));
    }

    private void online() {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        browser.setNetworkConditions(new ChromiumNetworkConditions());
    }

    private List<String> listedVenues() {
        return browser.findElements(By.cssSelector("ul.visits li strong")).stream().map(WebElement::getText)
                .collect(Collectors.toList());
    }

    /** The person's visits at the venue, as my-visits answers them. */
    private List<Object> visitsAt(String person, JsonObject venue) throws Exception {
        return call("my-visits", person, new JsonObject()).getJsonArray("visits").stream()
                .filter(visit -> venueId(venue).equals(((JsonObject) visit).getString("venueId")))
                .collect(Collectors.toList());
    }

    /** The earlier scan goes after the page's own, without anything on the screen to wait for: asks until it is there. */
    private void awaitAVisit(String person, JsonObject venue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (visitsAt(person, venue).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /**
     * The page's scan is stored, once: my-visits lists one visit at the venue, and the scan id the page kept, sent
     * again by the same person, is answered duplicate.
     */
    private void assertStoredOnce(KeptScan scan, JsonObject venue, String direction) throws Exception {
        assertEquals(1, visitsAt(scan.person(), venue).size(), "one visit at the venue");
        JsonObject again = call(direction.equals("IN") ? "scan-in" : "scan-out", scan.person(), new JsonObject()
                .put("code", url(venue, direction.equals("IN") ? "entry" : "exit")).put("scanId", scan.scanId()));
        assertEquals(Map.of("status", "duplicate", "scanId", scan.scanId()),
                Map.of("status", again.getString("status"), "scanId", again.getString("scanId")));
    }
}
