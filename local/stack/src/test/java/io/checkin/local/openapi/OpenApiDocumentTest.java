package io.checkin.local.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.checkin.local.openapi.FunctionsInCode.Function;
import io.checkin.local.openapi.OpenApiDocument.Operation;
import io.checkin.local.openapi.ProblemsInCode.Raised;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** docs/openapi.yaml is a valid OpenAPI 3.1 document of exactly the functions the code has, and every problem it raises. */
class OpenApiDocumentTest {

    private static final OpenApiDocument DOCUMENT = OpenApiDocument.read();
    private static final List<Function> FUNCTIONS = FunctionsInCode.all();
    private static final SourceModules SOURCES = SourceModules.of(OpenApiDocument.REPOSITORY);

    @Test
    void theDocumentIsAValidOpenApi31Document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(OpenApiDocument.FILE.toUri().toString(), null,
                options);
        assertNotNull(result.getOpenAPI(), "not read as OpenAPI: " + result.getMessages());
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void everyFunctionInTheCodeIsAnOperationOfTheDocumentAndNoOtherOperationIs() {
        Set<String> inCode = FUNCTIONS.stream().flatMap(f -> f.methods().stream().map(m -> m + " /" + f.name()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inDocument = DOCUMENT.operations().stream().map(op -> op.method() + " " + op.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inCode, inDocument);
    }

    @Test
    void everyOperationNamesTheRolesItsFunctionAllows() {
        Map<String, Set<String>> inCode = FUNCTIONS.stream().collect(Collectors.toMap(f -> "/" + f.name(),
                Function::roles));
        Map<String, Set<String>> inDocument = new TreeMap<>();
        DOCUMENT.operations().forEach(op -> inDocument.put(op.path() + " " + op.method(), DOCUMENT.roles(op)));
        inDocument.forEach((op, roles) -> assertEquals(inCode.get(op.split(" ")[0]), roles, op));
        DOCUMENT.operations().stream().filter(op -> !DOCUMENT.roles(op).isEmpty()).forEach(op -> assertTrue(
                DOCUMENT.at(op.pointer()).path("security").isMissingNode(), op + " takes a token: the default security"));
        DOCUMENT.operations().stream().filter(op -> DOCUMENT.roles(op).isEmpty()).forEach(op -> assertEquals(0,
                DOCUMENT.at(op.pointer()).path("security").size(), op + " takes no token: security []"));
    }

    @Test
    void everyProblemTheCodeRaisesIsDocumentedWithItsStatusForItsFunctions() {
        ProblemsInCode.Found found = ProblemsInCode.in(SOURCES);
        assertEquals(List.of(), found.unreadable(), "problems whose code cannot be read from the source");
        assertTrue(found.raised().size() > 40, "found only " + found.raised());
        Set<Path> functionModules = SourceModules.functionModules(OpenApiDocument.REPOSITORY);
        assertEquals(4, functionModules.size(), "the function modules: " + functionModules);
        ModuleGraph graph = new ModuleGraph(OpenApiDocument.REPOSITORY, SOURCES.modules());
        List<String> undocumented = new ArrayList<>();
        for (Raised problem : found.raised()) {
            List<Operation> operations = operationsThatCanRaise(problem.module(), functionModules, graph);
            boolean documented = operations.stream().anyMatch(op -> DOCUMENT.problemCodes(op).entrySet().stream()
                    .anyMatch(e -> e.getValue().contains(problem.code()) && fits(problem.status(), e.getKey())))
                    || fits(problem.status(), DOCUMENT.problemsOfAnyPath().getOrDefault(problem.code(), "none"));
            if (!documented) {
                undocumented.add(problem.code() + " (" + problem.status() + ", " + problem.where() + ")");
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyProblemCodeInTheDocumentIsOneTheCodeRaises() {
        Set<String> raised = ProblemsInCode.in(SOURCES).raised().stream()
                .map(Raised::code).collect(Collectors.toSet());
        Set<String> documented = new TreeSet<>(DOCUMENT.problemsOfAnyPath().keySet());
        DOCUMENT.operations().forEach(op -> DOCUMENT.problemCodes(op).values().forEach(documented::addAll));
        documented.removeAll(raised);
        assertEquals(Set.of(), documented);
    }

    @Test
    void everyExampleInTheDocumentFitsItsOwnSchema() {
        Map<String, List<JsonNode>> examples = DOCUMENT.examplesBySchema();
        assertTrue(examples.size() > 20, "found only " + examples.keySet());
        Map<String, List<String>> misfits = new TreeMap<>();
        examples.forEach((schema, values) -> values.forEach(value -> {
            List<String> why = DOCUMENT.misfits(schema, value);
            if (!why.isEmpty()) {
                misfits.put(schema + " " + value, why);
            }
        }));
        assertEquals(Map.of(), misfits);
    }

    @Test
    void anExampleThatBreaksTheSchemaIsCaught() {
        String codeRejected = DOCUMENT.answerSchema(operation("/scan-in"), 422, OpenApiDocument.PROBLEM_JSON);
        var problem = DOCUMENT.examplesBySchema().get(codeRejected).get(0).deepCopy();
        assertEquals(List.of(), DOCUMENT.misfits(codeRejected, problem));
        ((ObjectNode) problem).put("code", "too-many-scans");
        assertFalse(DOCUMENT.misfits(codeRejected, problem).isEmpty(), "a code the answer does not list fits");
    }

    /**
     * Where a problem raised in a module can be answered: in a function module, on its own functions; in a shared
     * module, on the functions it declares and on those of every function module built with it; in a module no
     * function is built with (the local stack's own routes), on any.
     */
    private static List<Operation> operationsThatCanRaise(Path module, Set<Path> functionModules, ModuleGraph graph) {
        Set<Path> hosts = new HashSet<>(Set.of(module));
        if (!functionModules.contains(module)) {
            functionModules.stream().filter(f -> graph.includedIn(f).contains(module)).forEach(hosts::add);
        }
        Set<String> paths = FUNCTIONS.stream().filter(f -> hosts.contains(f.module())).map(f -> "/" + f.name())
                .collect(Collectors.toSet());
        return DOCUMENT.operations().stream().filter(op -> paths.isEmpty() || paths.contains(op.path())).toList();
    }

    private static Operation operation(String path) {
        return DOCUMENT.operations().stream().filter(op -> op.path().equals(path)).findFirst().orElseThrow();
    }

    /** Whether a raised status fits a documented one ("409", "4XX"); an unknown status fits any 4XX. */
    private static boolean fits(Integer raised, String documented) {
        if (raised == null) {
            return documented.endsWith("XX");
        }
        return documented.equals(String.valueOf(raised)) || documented.equals(raised / 100 + "XX");
    }
}
