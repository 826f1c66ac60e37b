package io.checkin.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request fields take only their own JSON type. Jackson would otherwise read {@code true} or {@code 12345678901}
 * as text (a venue named "true", a number that happens to look like a venue id) and {@code "5"} or {@code 7.5}
 * as a whole number; each is a client mistake, answered as invalid-type naming the field.
 * Funqy reads bodies with a copy of this mapper, so the rule holds for every function.
 */
@Singleton
public class StrictJsonTypes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        var text = mapper.coercionConfigFor(LogicalType.Textual);
        text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        var wholeNumber = mapper.coercionConfigFor(LogicalType.Integer);
        wholeNumber.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        wholeNumber.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        wholeNumber.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
