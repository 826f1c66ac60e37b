package io.checkin.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads and writes keys as PEM text, from a file path, a {@code file:} or a {@code classpath:} location. */
public final class KeyFiles {

    private KeyFiles() {
    }

    public static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("No key at " + location);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key at " + location + ": " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String pem, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("Not a PKCS#8 " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
