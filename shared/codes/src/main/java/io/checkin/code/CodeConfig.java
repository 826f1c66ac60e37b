package io.checkin.code;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Signing and verification of venue codes. */
@ConfigMapping(prefix = "checkin.codes")
public interface CodeConfig {

    /** Base of the URL printed in every QR code ({base}/c/{token}); required where codes are issued. */
    Optional<String> publicBaseUrl();

    /** Private JWK (JSON, EC P-256, with its kid) that signs new codes; only generate-code has it. */
    Optional<String> signingKeyLocation();

    /** JWK set (JSON) of the public keys whose codes are accepted; several during a key rotation. */
    Optional<String> verificationKeysLocation();

    /**
     * How many verified tokens each instance remembers (one entry per venue and direction in use), and how many
     * venues' states it caches; both are counted against the heap at start.
     */
    @WithDefault("25000")
    long verifiedCacheSize();

    /** How long a verified token stays remembered. */
    @WithDefault("1h")
    Duration verifiedCacheTtl();

    /** How long a venue's status and code version are cached before a scan re-reads them. */
    @WithDefault("10s")
    Duration venueStatusTtl();
}
