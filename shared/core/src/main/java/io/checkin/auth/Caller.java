package io.checkin.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.checkin.error.ProblemException;

/** Who is calling: the subject of the verified bearer token, which owns what the call creates or reads. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String subject() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ProblemException(401, "unauthorized", "The token has no subject");
        }
        return subject;
    }
}
