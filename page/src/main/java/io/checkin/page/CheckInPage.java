package io.checkin.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the check-in page at every venue code's URL, {@code /c/{token}}: the same static HTML whatever the token,
 * which the page's script reads from its own address; at {@code /visits}, where the same script lists the person's
 * visits; and where the identity provider sends the person back ({@link PageSettings#SIGNED_IN_PATH}). The files it
 * loads are under {@code /checkin-page/}, with its settings ({@link PageSettings}) at
 * {@code /checkin-page/settings.json} and its service worker at {@code /checkin-page/sw.js}.
 */
@ApplicationScoped
public class CheckInPage {

    static final String PAGE = "META-INF/resources/checkin-page/index.html";
    static final String WORKER = "META-INF/resources/checkin-page/sw.js";
    /**
     * Everything the page loads comes from this origin, so a script injected into it could send the person's token
     * nowhere else; the token in the address is not sent on as a referrer.
     */
    static String contentSecurityPolicy(PageSettings settings) {
        String connect = String.join(" ", settings.otherOrigins());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + (connect.isEmpty() ? "" : " " + connect)
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private final Buffer html = Buffer.buffer(read(PAGE));
    private final Buffer worker = Buffer.buffer(read(WORKER));
    private final Buffer settingsJson;
    private final String contentSecurityPolicy;

    CheckInPage(PageSettings settings) {
        this.settingsJson = settings.json().toBuffer();
        this.contentSecurityPolicy = contentSecurityPolicy(settings);
    }

    void register(@Observes Router router) {
        router.get("/c/:token").handler(this::serve);
        router.get(PageSettings.SIGNED_IN_PATH).handler(this::serve);
        router.get("/visits").handler(this::serve);
        router.get("/checkin-page/sw.js").handler(this::worker);
        router.get("/checkin-page/settings.json").handler(this::settings);
    }

    void settings(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(settingsJson);
    }

    /**
     * The service worker lives with the page's files but looks after the page's addresses too ({@code /c/},
     * {@code /visits}), which a worker may only do when its answer allows the wider scope.
     */
    void worker(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Service-Worker-Allowed", "/")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(worker);
    }

    void serve(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                // a reload must ask again: the page is tiny, and an old copy would keep an old script
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(html);
    }

    private static byte[] read(String resource) {
        try (InputStream in = CheckInPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The check-in page is missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the check-in page " + resource, e);
        }
    }
}
