package io.checkin.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operator applies runs images by digest, set from what the build pushed: a mutable tag lets two
 * Revisions of "the same" version run different code (Knative resolves a tag once per Revision). The committed
 * state holds placeholders Knative refuses, so an unpinned deployment stops at apply.
 */
class ImagePinningTest {

    static final String PINNED = "sha256:[0-9a-f]{64}";
    /** What knative/pin-images replaces; not a digest, so Knative refuses the image reference it makes. */
    static final String PLACEHOLDER = "sha256:UNPINNED-run-knative-pin-images";
    private static final String REGISTRY = "registry.example.org:5000/team";

    @Test
    void everyImageIsPinnedByDigestOrAPlaceholderThatCannotBeMistakenForOne() {
        Map<String, Map<String, Object>> images = byName(Manifests.images());
        assertEquals(new TreeSet<>(Manifests.containerImages()), images.keySet(), "one entry for each image a manifest runs");
        for (Map<String, Object> image : images.values()) {
            assertEquals(null, image.get("newTag"), image + ": a tag, even a release's, can be pushed again");
            Object digest = image.get("digest");
            assertTrue(PLACEHOLDER.equals(digest) || String.valueOf(digest).matches(PINNED), image + ": not pinned");
        }
        assertFalse(PLACEHOLDER.matches(PINNED));
        for (String image : Manifests.containerImages()) {
            assertTrue(image.matches("checkin/[a-z0-9-]+"), image + ": the manifests name images bare, the kustomization pins them");
        }
    }

    @Test
    void pinImagesPointsEveryImageAtTheDigestItsBuildPushed(@TempDir Path tree) throws Exception {
        Map<String, String> digests = buildOutput(tree);
        Result run = pinImages(tree, REGISTRY);
        assertEquals(0, run.exit(), run.output());
        Map<String, Map<String, Object>> pinned = byName(images(tree));
        assertEquals(digests.keySet(), pinned.keySet());
        digests.forEach((name, digest) -> {
            Map<String, Object> image = pinned.get(name);
            assertEquals(REGISTRY + "/" + name, image.get("newName"), name);
            assertEquals(digest, image.get("digest"), name);
            assertTrue(digest.matches(PINNED));
            assertFalse(image.containsKey("newTag"), name);
        });
        assertTrue(run.output().contains(REGISTRY + "/checkin/scan-in@" + digests.get("checkin/scan-in")), run.output());
    }

    @Test
    void pinImagesRefusesAMissingOrMalformedDigestAndChangesNothing(@TempDir Path tree) throws Exception {
        buildOutput(tree);
        Path images = tree.resolve("knative/images/kustomization.yaml");
        String before = Files.readString(images);
        Files.writeString(tree.resolve("functions/scan-out/target/jib-image.digest"), "sha256:latest\n");
        Files.delete(tree.resolve("warmup/target/jib-image.digest"));
        Result run = pinImages(tree, REGISTRY);
        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("functions/scan-out/target/jib-image.digest")
                && run.output().contains("warmup/target/jib-image.digest"), run.output());
        assertEquals(before, Files.readString(images), "nothing written");
        assertNotEquals(0, pinImages(tree, "").exit(), "no registry");
        assertNotEquals(0, pinImages(tree, "https://Registry.example.org").exit(), "not a registry name");
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> images) {
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        images.forEach(i -> assertEquals(null, byName.put((String) i.get("name"), i), "twice: " + i.get("name")));
        return byName;
    }

    /**
     * A copy of the repository's layout as a build that pushed leaves it: the manifests and the script, and in each
     * image's module target/jib-image.digest (Quarkus's Jib build writes it there). Returns the digest by image.
     */
    private static Map<String, String> buildOutput(Path tree) throws IOException, NoSuchAlgorithmException {
        Path knative = Files.createDirectories(tree.resolve("knative/images"));
        for (Path file : Manifests.files()) {
            Files.copy(file, tree.resolve("knative").resolve(file.getFileName()));
        }
        Files.copy(Manifests.DIR.resolve("pin-images"), tree.resolve("knative/pin-images"));
        Files.copy(Manifests.DIR.resolve("images/kustomization.yaml"), knative.resolve("kustomization.yaml"));
        Map<String, String> digests = new TreeMap<>();
        for (String image : Manifests.containerImages()) {
            String module = image.substring("checkin/".length());
            Path dir = Files.exists(Manifests.REPO.resolve("functions").resolve(module)) ? tree.resolve("functions").resolve(module)
                    : tree.resolve(module);
            String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(image.getBytes(StandardCharsets.UTF_8)));
            Files.createDirectories(dir.resolve("target"));
            Files.writeString(dir.resolve("target/jib-image.digest"), digest);
            digests.put(image, digest);
        }
        return digests;
    }

    private record Result(int exit, String output) {
    }

    private static Result pinImages(Path tree, String registry) throws Exception {
        Process process = new ProcessBuilder("bash", tree.resolve("knative/pin-images").toString(), registry)
                .directory(tree.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> images(Path tree) {
        return new ArrayList<>((List<Map<String, Object>>) Manifests.yaml(tree.resolve("knative/images/kustomization.yaml"))
                .get("images"));
    }
}
