package io.checkin.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

import io.checkin.keys.CodeKeyIds;
import io.checkin.keys.KeyFiles;

/**
 * Key pairs for a machine without a secret store: generated on first use into a folder that is never
 * committed, and reused afterwards, so tokens and printed codes stay valid across restarts.
 * Deployments get their keys from Secrets instead (docs/operations.md).
 */
public final class DevKeys {

    public static final String DEV_ISSUER = "https://checkin.local/dev";
    public static final String AUDIENCE = "checkin";

    public static final String AUTH_PRIVATE = "auth-private.pem";
    static final String AUTH_PUBLIC = "auth-public.pem";
    public static final String CODE_PRIVATE = "code-signing.jwk.json";
    static final String CODE_JWKS = "code-keys.jwks.json";

    private DevKeys() {
    }

    /** Makes sure the folder holds every key, and returns the configuration that points the application at them. */
    public static Map<String, String> ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(AUTH_PRIVATE)) || !Files.exists(dir.resolve(AUTH_PUBLIC))) {
                KeyPair auth = generate("RSA", null);
                write(dir.resolve(AUTH_PUBLIC), KeyFiles.pem("PUBLIC KEY", auth.getPublic().getEncoded()));
                write(dir.resolve(AUTH_PRIVATE), KeyFiles.pem("PRIVATE KEY", auth.getPrivate().getEncoded()));
            }
            if (!Files.exists(dir.resolve(CODE_PRIVATE)) || !Files.exists(dir.resolve(CODE_JWKS))) {
                PublicJsonWebKey jwk = newCodeKey(null);
                write(dir.resolve(CODE_JWKS),
                        new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                write(dir.resolve(CODE_PRIVATE), jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the development keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the development keys", e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", dir.resolve(AUTH_PUBLIC).toAbsolutePath().toString());
        config.put("mp.jwt.verify.issuer", DEV_ISSUER);
        config.put("smallrye.jwt.sign.key.location", dir.resolve(AUTH_PRIVATE).toAbsolutePath().toString());
        config.put("smallrye.jwt.new-token.issuer", DEV_ISSUER);
        config.put("smallrye.jwt.new-token.audience", AUDIENCE);
        config.put("checkin.codes.signing-key-location", dir.resolve(CODE_PRIVATE).toAbsolutePath().toString());
        config.put("checkin.codes.verification-keys-location", dir.resolve(CODE_JWKS).toAbsolutePath().toString());
        return config;
    }

    /**
     * A new P-256 key that signs codes (ES256), with its private part; its key id is {@code kid}, or derived from
     * the public key when that is null, as deployments name theirs.
     */
    public static PublicJsonWebKey newCodeKey(String kid) {
        try {
            KeyPair code = generate("EC", new ECGenParameterSpec("secp256r1"));
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(code.getPublic());
            jwk.setKeyId(kid != null ? kid : CodeKeyIds.of(code.getPublic()));
            jwk.setUse("sig");
            jwk.setAlgorithm("ES256");
            jwk.setPrivateKey(code.getPrivate());
            return jwk;
        } catch (GeneralSecurityException | org.jose4j.lang.JoseException e) {
            throw new IllegalStateException("Cannot generate a code signing key", e);
        }
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }
}
