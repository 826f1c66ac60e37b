package io.checkin.preheat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/**
 * The warm-up's bearer tokens. For one warm-up a key pair is generated in memory, with an issuer made up for it
 * ({@code urn:checkin:warmup:<random>}); its tokens are verified by the real security layer (smallrye-jwt's parser,
 * the permission policies, {@code @RolesAllowed}) against that key and issuer instead of the identity provider's,
 * and only the exact tokens this class signed are ({@link #contextFor}): a token from outside, whatever it claims,
 * is verified as before. When the warm-up ends the key is dropped and its tokens are refused like any unknown one.
 */
@ApplicationScoped
public class PreheatTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String ISSUER_PREFIX = "urn:checkin:warmup:";

    @Inject
    JWTAuthContextInfo real;

    private volatile Session session;

    /** Starts a warm-up's tokens: a fresh key and issuer, accepted until {@link #close()}. */
    public Session open(Duration lifetime) {
        Session opened = new Session(issuer(), real, lifetime);
        session = opened;
        return opened;
    }

    public void close() {
        session = null;
    }

    /** The verification settings for a token this warm-up signed, or null: every other token is verified as usual. */
    JWTAuthContextInfo contextFor(String token) {
        Session current = session;
        return current != null && current.minted.contains(token) ? current.context : null;
    }

    /** Whether a verified token is one of the running warm-up's (only those can carry its issuer). */
    public boolean isWarmup(JsonWebToken token) {
        Session current = session;
        return current != null && token != null && current.issuer.equals(token.getIssuer());
    }

    /**
     * Whether a verified token is some warm-up's, running or over: its issuer is a warm-up's, which only a token a
     * warm-up signed can carry past verification (every other token is verified against the identity provider's).
     */
    public static boolean isAnyWarmup(JsonWebToken token) {
        return token != null && token.getIssuer() != null && token.getIssuer().startsWith(ISSUER_PREFIX);
    }

    private static String issuer() {
        return ISSUER_PREFIX + random(16);
    }

    /** {@code bytes} random bytes as base64url text: the warm-up's names no one can guess. */
    static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** One warm-up's key, issuer and the tokens signed with them. */
    public static final class Session {

        private final String issuer;
        private final KeyPair keys;
        private final String algorithm;
        private final JWTAuthContextInfo context;
        private final String audience;
        private final String groupsClaim;
        private final Instant expiry;
        private final Set<String> minted = ConcurrentHashMap.newKeySet();

        Session(String issuer, JWTAuthContextInfo real, Duration lifetime) {
            this.issuer = issuer;
            // the identity provider's algorithm, so its signature check is the one that gets compiled
            boolean ec = real.getSignatureAlgorithm() != null && real.getSignatureAlgorithm().contains(SignatureAlgorithm.ES256)
                    && !real.getSignatureAlgorithm().contains(SignatureAlgorithm.RS256);
            this.algorithm = ec ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                    : AlgorithmIdentifiers.RSA_USING_SHA256;
            this.keys = generate(ec);
            this.context = new JWTAuthContextInfo(real);
            // a key object, not a location: smallrye-jwt then verifies with it directly, through the parser it
            // uses for every token (a location would make it build another parser for each call)
            context.setPublicKeyLocation(null);
            context.setPublicKeyContent(null);
            context.setPublicVerificationKey(keys.getPublic());
            context.setIssuedBy(issuer);
            context.setSignatureAlgorithm(Set.of(ec ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256));
            this.audience = real.getExpectedAudience() == null || real.getExpectedAudience().isEmpty() ? null
                    : real.getExpectedAudience().iterator().next();
            this.groupsClaim = real.getGroupsPath() == null ? "groups" : real.getGroupsPath();
            this.expiry = Instant.now().plus(lifetime).plusSeconds(60);
        }

        public String issuer() {
            return issuer;
        }

        /** A bearer token for a throwaway person with these roles, accepted while this warm-up runs. */
        public String token(String subject, String... roles) {
            Instant now = Instant.now();
            Map<String, Object> claims = new java.util.LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("sub", subject);
            if (audience != null) {
                claims.put("aud", audience);
            }
            claims.put(groupsClaim, List.of(roles));
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", expiry.getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JsonUtil.toJson(claims));
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            jws.setKey(keys.getPrivate());
            try {
                String token = jws.getCompactSerialization();
                minted.add(token);
                return token;
            } catch (JoseException e) {
                throw new IllegalStateException("Cannot sign a warm-up token", e);
            }
        }

        private static KeyPair generate(boolean ec) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(ec ? "EC" : "RSA");
                if (ec) {
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                } else {
                    generator.initialize(2048);
                }
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
                throw new IllegalStateException("Cannot make the warm-up's key", e);
            }
        }
    }
}
