package io.checkin.testing;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.checkin.auth.Roles;

/**
 * One function as the hostile-input contracts attack it: who may call it, and a valid body built around one
 * text field ({@code textField}, a path such as {@code venues[0].name}) that the attacks replace.
 */
public record HostileTarget(String function, String role, String subject, String textField, Object validText,
        Function<Object, Map<String, Object>> bodyWith) {

    private static final String SLOT = "@@hostile-slot@@";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Map<String, Object> validBody() {
        return bodyWith.apply(validText);
    }

    public String validToken() {
        return Tokens.forRoles(subject, role);
    }

    /** A token that is valid in every way but carries a role this function does not allow. */
    public String wrongRoleToken() {
        return Tokens.forRoles(subject, Roles.CITIZEN.equals(role) ? Roles.VENUE_MANAGER : Roles.CITIZEN);
    }

    public String validJson() {
        return json(validBody());
    }

    /** The valid body as JSON text, with {@code rawJson} (any text, valid JSON or not) in the text field. */
    public String bodyWithRaw(String rawJson) {
        return json(bodyWith.apply(SLOT)).replace("\"" + SLOT + "\"", rawJson);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return function;
    }
}
