package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.checkin.dev.DevKeys;

/** {@code ./local-stack tokens}: what the k6 scripts and the benchmarks read their citizens from. */
class LocalToolsTest {

    @TempDir
    Path data;

    @Test
    void tokensOnAFreshDataFolderMakeTheKeysTheStackWillVerifyThemWith() throws Exception {
        List<String> tokens = mint("citizen", "3", "k6", "--json");

        assertEquals(3, tokens.size());
        PublicKey key = authPublicKey();
        for (int i = 0; i < tokens.size(); i++) {
            JwtClaims claims = verify(tokens.get(i), key);
            assertEquals("k6-" + i, claims.getSubject());
            assertEquals(List.of("citizen"), claims.getStringListClaimValue("groups"));
        }
    }

    @Test
    void tokensMintedLaterAreSignedWithTheSameKeys() throws Exception {
        mint("citizen", "1");
        PublicKey key = authPublicKey();

        List<String> later = mint("health-official", "2", "official");

        assertEquals(2, later.size(), "one per line without --json");
        assertEquals("official-1", verify(later.get(1), key).getSubject());
        assertEquals(key, authPublicKey());
    }

    private List<String> mint(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "tokens";
        System.arraycopy(args, 0, command, 1, args.length);
        assertEquals(0, LocalTools.run(data, new PrintStream(out, true, StandardCharsets.UTF_8), command));
        String text = out.toString(StandardCharsets.UTF_8);
        if (List.of(args).contains("--json")) {
            return List.of(new ObjectMapper().readValue(text, String[].class));
        }
        return text.lines().toList();
    }

    private PublicKey authPublicKey() throws Exception {
        String pem = Files.readString(data.resolve("keys").resolve("auth-public.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static JwtClaims verify(String token, PublicKey key) throws Exception {
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(DevKeys.DEV_ISSUER)
                .setExpectedAudience(DevKeys.AUDIENCE).setRequireSubject().setRequireExpirationTime().build()
                .processToClaims(token);
    }
}
