package io.checkin.local;

import java.nio.file.Path;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.checkin.auth.Roles;
import io.checkin.error.ProblemException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The local stack's sign-in, for the check-in page: {@code POST /dev/sign-in {"name": "..."}} answers a citizen
 * token whose subject is that name, signed with the development key. It stands in for the identity provider a
 * deployment has; it exists only in the local stack, so no deployed function can hand out tokens.
 */
@ApplicationScoped
public class DevSignIn {

    static final String PATH = "/dev/sign-in";
    /** Well under OpenID Connect's 255 characters for a subject, which the functions enforce. */
    static final int NAME_MAX = 64;

    private final Path signingKey;
    private volatile DevTokens tokens;

    public DevSignIn(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String signingKey) {
        this.signingKey = Path.of(signingKey);
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(4096)).handler(this::signIn);
    }

    void signIn(RoutingContext ctx) {
        String name;
        try {
            Object value = ctx.body().buffer() == null ? null : new JsonObject(ctx.body().buffer()).getValue("name");
            if (!(value instanceof String text) || text.isBlank()) {
                throw new ProblemException(400, "invalid-field", "name must be your name as text", "name", null);
            }
            name = text.strip();
        } catch (DecodeException | ClassCastException e) {
            ctx.fail(new ProblemException(400, "malformed-json", "The body must be a JSON object"));
            return;
        } catch (ProblemException e) {
            ctx.fail(e);
            return;
        }
        if (name.length() > NAME_MAX || name.codePoints().anyMatch(Character::isISOControl)) {
            ctx.fail(new ProblemException(400, "invalid-field",
                    "name must be at most " + NAME_MAX + " characters, without control characters", "name", null));
            return;
        }
        Instant expires = Instant.now().plus(LocalTools.TOKEN_LIFETIME);
        String token = tokens().mint(name, Roles.CITIZEN, LocalTools.TOKEN_LIFETIME);
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("token", token).put("subject", name).put("expiresAt", expires.toString()).encode());
    }

    /** Read at the first sign-in: a stack that nobody signs in to never reads the key. */
    private DevTokens tokens() {
        if (tokens == null) {
            tokens = DevTokens.signingWith(signingKey);
        }
        return tokens;
    }
}
