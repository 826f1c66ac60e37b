package io.checkin.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect client served with the page is the released file its README names, unchanged: a fix made in
 * place would be lost at the next upgrade, and a file nobody can compare with its release is nobody's to trust.
 */
class VendoredClientLibraryTest {

    static final String FOLDER = "META-INF/resources/checkin-page/vendor/oauth4webapi-3.8.8/";

    @Test
    void theVendoredClientIsTheReleasedFileItsReadmeNames() throws Exception {
        Matcher recorded = Pattern.compile("sha256 of `index.js`: `([0-9a-f]{64})`").matcher(read("README.md"));
        assertTrue(recorded.find(), "the README names the file's sha256");
        byte[] file = bytes("index.js");
        assertEquals(recorded.group(1), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertTrue(new String(file, StandardCharsets.UTF_8).contains("const VERSION = 'v3.8.8';"));
    }

    @Test
    void itsLicenceIsServedWithIt() throws Exception {
        assertTrue(read("LICENSE.md").startsWith("The MIT License"));
    }

    private static String read(String file) throws Exception {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String file) throws Exception {
        try (InputStream in = VendoredClientLibraryTest.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            assertNotNull(in, FOLDER + file);
            return in.readAllBytes();
        }
    }
}
