package io.checkin.page;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The check-in page's settings: how it signs a person in and where the functions it calls answer. */
@ConfigMapping(prefix = "checkin.page")
public interface PageConfig {

    /** How a person signs in: {@code openid-connect} (a deployment's identity provider) or {@code development}. */
    @WithDefault("openid-connect")
    SignIn signIn();

    /** The identity provider, for {@code sign-in=openid-connect}. */
    OpenIdConnect openidConnect();

    /** The functions' addresses; each one left out is the page's own origin (the local stack). */
    Functions functions();

    /** Ways to sign in. */
    enum SignIn {
        /** The identity provider the functions trust: authorization code with PKCE. */
        OPENID_CONNECT,
        /** The local stack's {@code POST /dev/sign-in}, a name in and a citizen token out: no deployment has it. */
        DEVELOPMENT
    }

    /** The identity provider's settings. */
    interface OpenIdConnect {
        /** The issuer's URL; its discovery document is read from {@code /.well-known/openid-configuration}. */
        Optional<URI> issuer();

        /** The page's client id at the identity provider (a public client: no secret). */
        Optional<String> clientId();

        /** The scopes asked for. */
        @WithDefault("openid")
        String scope();
    }

    /** Where the functions answer: scheme, host and port (a path, if any, is ignored). */
    interface Functions {
        /** scan-in's address, for entry codes. */
        Optional<URI> scanIn();

        /** scan-out's address, for exit codes. */
        Optional<URI> scanOut();

        /** query-history's address, for the person's own visits. */
        Optional<URI> queryHistory();
    }
}
