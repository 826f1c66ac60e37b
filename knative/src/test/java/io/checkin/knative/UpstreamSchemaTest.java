package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each Service against the upstream Knative Service CRD schema, where the reference copy beside the
 * repository exists ({@code ../shared/knative-serving/}); a fresh clone has none, and then this is skipped.
 */
class UpstreamSchemaTest {

    private static final Path CRD = Manifests.REPO.resolve("../shared/knative-serving/service-crd.yaml").normalize();

    @Test
    void everyServiceValidatesAgainstTheUpstreamCrd() {
        Map<String, Object> schema = schema();
        List<Path> services = Manifests.files().stream().filter(f -> f.getFileName().toString().contains("-service-")).toList();
        assertFalse(services.isEmpty());
        for (Path file : services) {
            List<String> problems = new ArrayList<>();
            StructuralSchema.validate(Manifests.yaml(file), schema, file.getFileName().toString(), problems);
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void theSchemaCatchesAMisspeltField() {
        Map<String, Object> schema = schema();
        Map<String, Object> broken = Manifests.yaml(Manifests.DIR.resolve("11-service-scan-in.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) broken.get("spec");
        spec.put("trafic", List.of(Map.of("latestRevision", true, "percent", 100)));
        List<String> problems = new ArrayList<>();
        StructuralSchema.validate(broken, schema, "broken", problems);
        assertEquals(List.of("broken.spec.trafic: not in the schema"), problems);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema() {
        assumeTrue(Files.exists(CRD), "no upstream Knative schema at " + CRD + " (a fresh clone has none): skipped");
        Map<String, Object> crd = Manifests.yaml(CRD);
        Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
        for (Object version : (List<Object>) spec.get("versions")) {
            Map<String, Object> v = (Map<String, Object>) version;
            if ("v1".equals(v.get("name"))) {
                return (Map<String, Object>) ((Map<String, Object>) v.get("schema")).get("openAPIV3Schema");
            }
        }
        throw new IllegalStateException("no v1 schema in " + CRD);
    }
}
