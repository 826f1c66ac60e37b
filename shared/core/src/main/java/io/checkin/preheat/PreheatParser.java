package io.checkin.preheat;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Where the security layer verifies a bearer token: a token the running warm-up signed is verified against the
 * warm-up's key and issuer, by the same parser; every other token exactly as before. Outside a warm-up this is one
 * read of a field that is null.
 */
@Decorator
@Priority(1)
abstract class PreheatParser implements JWTParser {

    @Inject
    @Delegate
    JWTParser parser;

    @Inject
    PreheatTokens tokens;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        var warmup = tokens.contextFor(token);
        return warmup == null ? parser.parse(token) : parser.parse(token, warmup);
    }
}
