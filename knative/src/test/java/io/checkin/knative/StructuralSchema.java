package io.checkin.knative;

import java.util.List;
import java.util.Map;

/**
 * Checks a value against a CRD's OpenAPI v3 (structural) schema: types, required fields, and, stricter
 * than the API server, which would silently prune them, fields the schema does not know.
 */
final class StructuralSchema {

    private StructuralSchema() {
    }

    @SuppressWarnings("unchecked")
    static void validate(Object value, Map<String, Object> schema, String path, List<String> problems) {
        if (value == null || schema == null) {
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof String || value instanceof Number)) {
                problems.add(path + ": expected an integer or a string");
            }
            return;
        }
        String type = (String) schema.get("type");
        boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(path + ": expected an object");
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                Object additional = schema.get("additionalProperties");
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (properties != null && properties.containsKey(key)) {
                        validate(entry.getValue(), (Map<String, Object>) properties.get(key), path + "." + key, problems);
                    } else if (additional instanceof Map<?, ?> each) {
                        validate(entry.getValue(), (Map<String, Object>) each, path + "." + key, problems);
                    } else if (!preserve && !Boolean.TRUE.equals(additional) && properties != null) {
                        problems.add(path + "." + key + ": not in the schema");
                    }
                }
                List<String> required = (List<String>) schema.get("required");
                if (required != null) {
                    required.stream().filter(r -> !map.containsKey(r)).forEach(r -> problems.add(path + "." + r + ": required"));
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + ": expected an array");
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    validate(list.get(i), (Map<String, Object>) schema.get("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!(value instanceof String)) {
                    problems.add(path + ": expected a string, found " + value);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    problems.add(path + ": expected an integer, found " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    problems.add(path + ": expected a number, found " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(path + ": expected a boolean, found " + value);
                }
            }
            default -> {
            }
        }
    }
}
