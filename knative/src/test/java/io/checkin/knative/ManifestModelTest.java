package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Every manifest is a known resource with no unknown field anywhere: a misspelt field fails here. */
class ManifestModelTest {

    @Test
    void everyManifestParsesWithoutUnknownFields() {
        List<String> problems = new ArrayList<>();
        for (Path file : Manifests.files()) {
            HasMetadata resource = Manifests.parse(file);
            assertTrue(resource.getClass().getName().startsWith("io.fabric8."), file + ": " + resource.getClass());
            unknownFields(resource, file.getFileName() + ":" + resource.getKind(), problems, new IdentityHashMap<>());
        }
        if (!problems.isEmpty()) {
            fail("Unknown fields:\n" + String.join("\n", problems));
        }
    }

    @Test
    void aMisspeltFieldDeepInAServiceIsFound() {
        String yaml = """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: typo
                spec:
                  template:
                    spec:
                      containers:
                        - image: x
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                """;
        HasMetadata service = Manifests.SERIALIZATION.unmarshal(yaml);
        List<String> problems = new ArrayList<>();
        unknownFields(service, "typo", problems, new IdentityHashMap<>());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("readinesProbe"), problems.toString());
    }

    /** Secret templates hold placeholders: applying the kustomization must never overwrite the real ones. */
    @Test
    void theKustomizationListsEveryNumberedFileInOrderButTheSecretTemplates() {
        List<String> numbered = Manifests.files().stream()
                .filter(f -> !(Manifests.parse(f) instanceof io.fabric8.kubernetes.api.model.Secret))
                .map(f -> f.getFileName().toString()).toList();
        assertEquals(numbered, Manifests.yaml(Manifests.DIR.resolve("kustomization.yaml")).get("resources"));
        assertTrue(numbered.size() >= 10, numbered.toString());
    }

    @Test
    void everyResourceHasItsOwnFile() {
        for (Path file : Manifests.files()) {
            String text = org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> java.nio.file.Files.readString(file));
            assertTrue(!text.contains("\n---"), file + " holds more than one resource");
            assertTrue(text.startsWith("#") || file.getFileName().toString().contains("rolebinding"),
                    file + " starts with a comment saying what it is for");
        }
    }

    /** Walks the model: fabric8 keeps every field it does not know in additionalProperties. */
    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + property(getter.getName()), problems, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a derived getter that does not apply here
            }
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
