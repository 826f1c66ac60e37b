package io.checkin.error;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.checkin.config.StrictJson;
import io.checkin.store.StoreConfig;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.TooLongFormFieldException;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides what a failure means for the client: walks the cause chain for something it knows, and, for the
 * bare 400 Funqy raises when it cannot read a body, reads the body again to name the offending field.
 */
@ApplicationScoped
public class FailureClassifier {

    @Inject
    StoreConfig storeConfig;

    public ProblemException classify(RoutingContext ctx) {
        for (Throwable t = ctx.failure(); t != null; t = t.getCause()) {
            ProblemException known = classify(t);
            if (known != null) {
                return known;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (ctx.failure() != null && !(ctx.failure() instanceof CompletionException)) {
            return new ProblemException(500, "internal-error", "The request could not be completed");
        }
        return byStatus(ctx);
    }

    private ProblemException classify(Throwable t) {
        if (t instanceof ProblemException p) {
            return p;
        }
        if (t instanceof UnauthorizedException || t instanceof AuthenticationException) {
            return new ProblemException(401, "unauthorized", "A valid bearer token is required");
        }
        if (t instanceof ForbiddenException) {
            return new ProblemException(403, "forbidden", "Your role does not allow this action");
        }
        if (t instanceof BulkheadException) {
            return new ProblemException(429, "overloaded", "Too many concurrent requests, retry shortly", null, 1);
        }
        if (t instanceof MongoTimeoutException || t instanceof MongoSocketException || t instanceof TimeoutException
                || t instanceof CircuitBreakerOpenException) {
            return ProblemException.unavailable("store-unavailable", "The store is unavailable, retry shortly",
                    storeConfig.retryAfterSeconds());
        }
        if (t instanceof TooLongFormFieldException || t instanceof TooLongHttpContentException) {
            return new ProblemException(413, "body-too-large", "The request body is larger than allowed");
        }
        if (t instanceof JacksonException j) {
            return unreadableBody(j);
        }
        return null;
    }

    private ProblemException byStatus(RoutingContext ctx) {
        int status = ctx.statusCode();
        return switch (status) {
            case 400 -> reparseBody(ctx);
            case 401 -> new ProblemException(401, "unauthorized", "A valid bearer token is required");
            case 403 -> new ProblemException(403, "forbidden", "Your role does not allow this action");
            case 404 -> new ProblemException(404, "not-found", "No function at " + ctx.request().path());
            case 405 -> new ProblemException(405, "method-not-allowed", "Use POST with a JSON body");
            case 413 -> new ProblemException(413, "body-too-large", "The request body is larger than allowed");
            case 415 -> new ProblemException(415, "unsupported-media-type", "Send application/json");
            default -> status >= 400 && status < 500
                    ? new ProblemException(status, "client-error", "The request was rejected")
                    : new ProblemException(500, "internal-error", "The request could not be completed");
        };
    }

    /** Funqy answers an unreadable body with a bare 400; reading it again here costs nothing on the happy path. */
    private ProblemException reparseBody(RoutingContext ctx) {
        FunctionInvoker invoker = FunctionRoutes.at(ctx.request().path());
        var body = ctx.body() == null ? null : ctx.body().buffer();
        if (invoker != null && !invoker.hasInput() && body != null && body.length() > 0) {
            return ProblemException.badRequest("unexpected-body", null, "This function takes no body");
        }
        if (invoker != null && body != null && body.length() > 0) {
            ObjectReader reader = (ObjectReader) invoker.getBindingContext().get(ObjectReader.class.getName());
            if (reader != null) {
                try {
                    reader.readValue(body.getBytes());
                } catch (JacksonException e) {
                    return unreadableBody(e);
                } catch (IOException | RuntimeException e) {
                    // fall through to the generic answer
                }
            }
        }
        return ProblemException.badRequest("malformed-json", null, "The body is not valid JSON for this function");
    }

    static ProblemException unreadableBody(JacksonException e) {
        if (e instanceof StrictJson.NotUtf8Exception) {
            return ProblemException.badRequest("malformed-json", null, e.getOriginalMessage());
        }
        // a syntax error or a nesting limit hit inside a field is still a broken document, not a wrong type
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty() && !isBrokenDocument(m)) {
            String field = fieldPath(m);
            return ProblemException.badRequest("invalid-type", field, field + " has the wrong type or format");
        }
        return ProblemException.badRequest("malformed-json", null, "The body is not valid JSON");
    }

    private static boolean isBrokenDocument(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JsonParseException || t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    static String fieldPath(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
