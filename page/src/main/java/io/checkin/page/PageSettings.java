package io.checkin.page;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.JsonObject;

/**
 * What the page's script reads before anything else ({@code /checkin-page/settings.json}): how to sign in and where
 * the functions answer, from {@link PageConfig}. The same settings name every origin the page may connect to.
 */
@ApplicationScoped
public class PageSettings {

    /**
     * Where the identity provider sends the person back (the page's redirect URI, registered at the provider with the
     * page's origin before it): the page itself, which completes the sign-in and returns to the code it came from.
     */
    public static final String SIGNED_IN_PATH = "/checkin-page/signed-in";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final JsonObject json;
    private final Set<String> origins = new LinkedHashSet<>();

    PageSettings(PageConfig config) {
        PageConfig.OpenIdConnect oidc = config.openidConnect();
        JsonObject signIn = new JsonObject().put("kind", config.signIn().name().toLowerCase().replace('_', '-'));
        if (config.signIn() == PageConfig.SignIn.OPENID_CONNECT) {
            URI issuer = required(oidc.issuer(), "checkin.page.openid-connect.issuer");
            signIn.put("issuer", issuer.toString())
                    .put("clientId", required(oidc.clientId(), "checkin.page.openid-connect.client-id"))
                    .put("scope", oidc.scope())
                    .put("redirectPath", SIGNED_IN_PATH);
            origins.add(secureOrigin(issuer, "checkin.page.openid-connect.issuer"));
        }
        PageConfig.Functions functions = config.functions();
        json = new JsonObject().put("signIn", signIn).put("functions", new JsonObject()
                .put("scanIn", address(functions.scanIn(), "checkin.page.functions.scan-in"))
                .put("scanOut", address(functions.scanOut(), "checkin.page.functions.scan-out"))
                .put("queryHistory", address(functions.queryHistory(), "checkin.page.functions.query-history")));
    }

    /** The settings document the page reads. */
    public JsonObject json() {
        return json;
    }

    /** The origins other than its own that the page calls (functions on other hosts, the identity provider). */
    public Set<String> otherOrigins() {
        return Collections.unmodifiableSet(origins);
    }

    private String address(Optional<URI> uri, String key) {
        if (uri.isEmpty()) {
            return "";
        }
        String origin = origin(uri.get(), key);
        origins.add(origin);
        return origin;
    }

    /** scheme://host[:port] of an absolute http(s) URL; anything else stops the start naming the setting. */
    static String origin(URI uri, String key) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalStateException(key + " must be an absolute http(s) URL, not '" + uri + "'");
        }
        return scheme + "://" + uri.getHost().toLowerCase() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /**
     * The identity provider's origin, https unless it is on this machine (a test's provider): the page's OpenID
     * Connect client refuses to send a sign-in over plain http anywhere else, so such a setting could never work.
     */
    static String secureOrigin(URI uri, String key) {
        String origin = origin(uri, key);
        if (origin.startsWith("http:") && !LOOPBACK.contains(uri.getHost().toLowerCase())) {
            throw new IllegalStateException(key + " must be an https URL (http only for localhost), not '" + uri + "'");
        }
        return origin;
    }

    private static <T> T required(Optional<T> value, String key) {
        return value.orElseThrow(() -> new IllegalStateException(
                key + " is required when checkin.page.sign-in=openid-connect (the page cannot sign anyone in without it)"));
    }
}
