package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The commands of docs/operations.md name what the manifests make: the namespace, the Knative Services, the
 * components, and the labels of the generated ConfigMaps.
 */
class OperationsGuideTest {

    private static final Path GUIDE = Manifests.REPO.resolve("docs/operations.md");

    /** The guide's code blocks of one language, each continued line joined. */
    private static List<String> blocks(String language) throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^\\s*```" + language + "\\n(.*?)^\\s*```").matcher(Files.readString(GUIDE));
        while (block.find()) {
            blocks.add(block.group(1).replace("\\\n", " "));
        }
        assertFalse(blocks.isEmpty(), language);
        return blocks;
    }

    private static List<String> all(String regex, List<String> blocks) {
        List<String> found = new ArrayList<>();
        for (String block : blocks) {
            Matcher m = Pattern.compile(regex).matcher(block);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    @Test
    void everyCommandWorksInTheNamespaceTheKustomizationSets() throws Exception {
        List<String> namespaces = all("kubectl(?: \\S+)? -n (\\S+)", blocks("bash"));
        assertTrue(namespaces.size() > 20, namespaces.toString());
        Object namespace = Manifests.yaml(Manifests.DIR.resolve("kustomization.yaml")).get("namespace");
        namespaces.forEach(n -> assertEquals(namespace, n));
    }

    @Test
    void everyKnativeServiceTheCommandsNameExists() throws Exception {
        Set<String> services = Manifests.services().stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        List<String> named = new ArrayList<>();
        for (String names : all("ksvc ((?:[a-z][a-z0-9-]* ?)+)", blocks("bash"))) {
            for (String name : names.trim().split(" ")) {
                named.add(name);
            }
        }
        assertTrue(named.containsAll(Manifests.functionModules()), named.toString());
        named.forEach(n -> assertTrue(services.contains(n), n + " is not a Service in knative/"));
    }

    @Test
    void everyComponentTheGuideAddsIsOne() throws Exception {
        List<String> components = new ArrayList<>();
        for (String block : blocks("yaml")) {
            Matcher list = Pattern.compile("(?m)^components:\\n((?:  - \\S+\\n)+)").matcher(block);
            while (list.find()) {
                list.group(1).lines().forEach(l -> components.add(l.substring("  - ".length())));
            }
        }
        assertTrue(components.containsAll(List.of("images", "jvm", "pre-1.21")), components.toString());
        for (String component : components) {
            assertEquals("Component", Manifests.yaml(Manifests.DIR.resolve(component + "/kustomization.yaml")).get("kind"),
                    component);
        }
    }

    @Test
    void theLabelsTheCommandsSelectGeneratedConfigMapsByAreTheKustomizations() throws Exception {
        String kustomization = Files.readString(Manifests.DIR.resolve("kustomization.yaml"));
        List<String> selected = all("configmaps? -l (\\S+)", blocks("bash"));
        assertFalse(selected.isEmpty());
        for (String label : selected) {
            String[] pair = label.split("=");
            assertTrue(kustomization.contains(pair[0] + ": " + pair[1]), label + " is no label of a generated ConfigMap");
        }
    }
}
