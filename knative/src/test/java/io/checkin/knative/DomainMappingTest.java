package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.knative.serving.v1beta1.DomainMapping;
import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The host in every code's URL is the check-in page's: public-base-url names it once, and the page's DomainMapping,
 * the functions' CORS origin and the codes all follow that one key.
 */
class DomainMappingTest {

    private static String publicBaseUrl() {
        return Manifests.ofKind(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("checkin-config"))
                .findFirst().orElseThrow().getData().get("public-base-url");
    }

    private static DomainMapping mapping() {
        List<DomainMapping> mappings = Manifests.ofKind(DomainMapping.class);
        assertEquals(1, mappings.size());
        return mappings.get(0);
    }

    @Test
    void thePublicBaseUrlIsAnOriginTheCodesThePageAndCorsCanShare() {
        URI uri = URI.create(publicBaseUrl());
        assertEquals("https", uri.getScheme(), "phones open the codes over https");
        assertTrue(uri.getRawPath() == null || uri.getRawPath().isEmpty(), "no path: the page's files are at the root");
        assertEquals(uri.getScheme() + "://" + uri.getHost(), publicBaseUrl(), "scheme and host only, as an Origin is");
    }

    @Test
    void thePagesServiceAnswersOnTheHostOfThePublicBaseUrl() {
        DomainMapping mapping = mapping();
        assertEquals(URI.create(publicBaseUrl()).getHost(), mapping.getMetadata().getName());
        assertEquals("page", mapping.getSpec().getRef().getName());
        assertTrue(Manifests.services().stream().anyMatch(s -> s.getMetadata().getName().equals("page")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKustomizationCopiesTheHostFromThePublicBaseUrl() {
        Map<String, Object> kustomization = Manifests.yaml(Manifests.DIR.resolve("kustomization.yaml"));
        Map<String, Object> replacement = ((List<Map<String, Object>>) kustomization.get("replacements")).get(0);
        Map<String, Object> source = (Map<String, Object>) replacement.get("source");
        assertEquals("data.public-base-url", source.get("fieldPath"));
        Map<String, Object> options = (Map<String, Object>) source.get("options");
        // what kustomize does with delimiter and index: the field split at the delimiter, the part at the index
        String copied = publicBaseUrl().split((String) options.get("delimiter"))[(Integer) options.get("index")];
        assertEquals(mapping().getMetadata().getName(), copied);
        Map<String, Object> target = ((List<Map<String, Object>>) replacement.get("targets")).get(0);
        assertEquals(Map.of("kind", "DomainMapping", "name", mapping().getMetadata().getName()), target.get("select"));
        assertEquals(List.of("metadata.name"), target.get("fieldPaths"));
    }
}
