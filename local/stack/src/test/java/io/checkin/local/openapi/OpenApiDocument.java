package io.checkin.local.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;

/**
 * docs/openapi.yaml as the tests read it: its operations, the problem codes each answers with per status, and
 * its schemas, with which an example or a real answer is checked (JSON Schema 2020-12 in OpenAPI 3.1's dialect).
 */
public final class OpenApiDocument {

    /** The repository, seen from this module's folder (where Maven runs its tests). */
    public static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    public static final Path FILE = REPOSITORY.resolve("docs/openapi.yaml");
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The top-level extension that lists the problems of no one operation: code -> status. */
    static final String ANY_PATH = "x-problems-of-any-path";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final JsonNode root;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument read() {
        try {
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operation: its path, its method, and where it sits in the document (a JSON pointer). */
    public record Operation(String path, String method, String pointer) {
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> METHODS.stream().filter(path.getValue()::has)
                .forEach(method -> operations.add(new Operation(path.getKey(), method,
                        "/paths/" + escape(path.getKey()) + "/" + method))));
        return operations;
    }

    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** The roles an operation names in {@code x-roles}. */
    public Set<String> roles(Operation operation) {
        Set<String> roles = new TreeSet<>();
        at(operation.pointer()).path("x-roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    /** The problem codes an operation answers with, per status as the document writes it ("400", "4XX"). */
    public Map<String, Set<String>> problemCodes(Operation operation) {
        Map<String, Set<String>> codes = new TreeMap<>();
        at(operation.pointer()).path("responses").properties().forEach(response -> {
            JsonNode schema = resolve(response.getValue()).path("content").path(PROBLEM_JSON).path("schema");
            Set<String> found = new TreeSet<>();
            collectCodes(schema, found);
            if (!found.isEmpty()) {
                codes.put(response.getKey(), found);
            }
        });
        return codes;
    }

    /** The problems that belong to no one operation (an unknown path, another method): code -> status. */
    public Map<String, String> problemsOfAnyPath() {
        Map<String, String> codes = new TreeMap<>();
        root.path(ANY_PATH).path("codes").properties().forEach(e -> codes.put(e.getKey(), e.getValue().asText()));
        return codes;
    }

    /** Every media type object of the document that has a schema: its pointer, and its examples' values. */
    public Map<String, List<JsonNode>> examplesBySchema() {
        Map<String, List<JsonNode>> examples = new LinkedHashMap<>();
        collectMediaTypes(root, "", examples);
        return examples;
    }

    /** The pointer of the schema of an operation's answer with this status and media type, or null if none. */
    public String answerSchema(Operation operation, int status, String mediaType) {
        String responses = operation.pointer() + "/responses";
        String key = at(responses).has(String.valueOf(status)) ? String.valueOf(status) : (status / 100) + "XX";
        if (!at(responses).has(key)) {
            return null;
        }
        String response = responses + "/" + key;
        JsonNode ref = at(response).path("$ref");
        String base = ref.isTextual() ? ref.asText().substring(1) : response;
        String pointer = base + "/content/" + escape(mediaType) + "/schema";
        return at(pointer).isMissingNode() ? null : pointer;
    }

    /** Why the value does not fit the schema at the pointer: nothing when it fits. */
    public List<String> misfits(String schemaPointer, JsonNode value) {
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(FILE.toUri() + "#" + schemaPointer));
        return schema.validate(value).stream().map(Object::toString).sorted().toList();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#") ? root.at(ref.asText().substring(1)) : node;
    }

    /** The codes a problem schema allows: every {@code code} enum in it, through allOf/anyOf/oneOf. */
    private static void collectCodes(JsonNode schema, Set<String> codes) {
        schema.path("properties").path("code").path("enum").forEach(code -> codes.add(code.asText()));
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(keyword).forEach(part -> collectCodes(part, codes));
        }
    }

    private void collectMediaTypes(JsonNode node, String pointer, Map<String, List<JsonNode>> found) {
        if (node.isObject() && node.has("schema") && (node.has("examples") || node.has("example"))) {
            List<JsonNode> values = new ArrayList<>();
            if (node.has("example")) {
                values.add(node.get("example"));
            }
            node.path("examples").forEach(example -> values.add(resolve(example).path("value")));
            found.put(pointer + "/schema", values);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals("schema")) {
                collectMediaTypes(field.getValue(), pointer + "/" + escape(field.getKey()), found);
            }
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
