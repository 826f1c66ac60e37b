package io.checkin.generate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.checkin.code.CodeConfig;
import io.checkin.code.CodeFormat;
import io.checkin.code.CodeUrls;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.qr.Poster;
import io.checkin.qr.QrMatrix;
import io.checkin.qr.QrPng;
import io.checkin.qr.QrSvg;
import io.checkin.signing.CodeSigner;
import io.checkin.venue.Venue;
import io.checkin.venue.VenueIds;
import io.checkin.venue.VenueStatus;

/** Signs a venue's current codes and renders the requested formats. */
@ApplicationScoped
public class CodeIssuer {

    private final CodeSigner signer;
    private final String publicBaseUrl;

    @Inject
    public CodeIssuer(CodeSigner signer, CodeConfig config) {
        this.signer = signer;
        this.publicBaseUrl = config.publicBaseUrl().orElseThrow(() -> new IllegalStateException(
                "checkin.codes.public-base-url is not set: the base of the URL printed in every code"));
    }

    /**
     * Each format's largest rendering, in bytes: the codes of a venue with the longest name and address, in a script
     * whose characters take three bytes, at the highest code version.
     */
    public Map<CodeFormat, Long> largestRenderings() {
        Instant now = Instant.now();
        Venue largest = new Venue(VenueIds.next(), "漢".repeat(VenueDraft.MAX_NAME), "漢".repeat(VenueDraft.MAX_ADDRESS),
                "漢".repeat(VenueDraft.MAX_REGION), VenueDraft.MAX_CAPACITY, "owner", Integer.MAX_VALUE,
                VenueStatus.ACTIVE, now, now);
        IssuedCode code = issue(largest, Direction.OUT, EnumSet.allOf(CodeFormat.class));
        Map<CodeFormat, Long> bytes = new EnumMap<>(CodeFormat.class);
        bytes.put(CodeFormat.SVG, utf8(code.svg()));
        bytes.put(CodeFormat.PNG, utf8(code.png()));
        bytes.put(CodeFormat.POSTER, utf8(code.poster()));
        return bytes;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    public IssuedCode issue(Venue venue, Direction direction, Set<CodeFormat> formats) {
        String token = signer.sign(new VenueCode(venue.id(), direction, venue.codeVersion(), venue.name()));
        String url = CodeUrls.url(publicBaseUrl, token);
        if (formats.isEmpty()) {
            return new IssuedCode(direction, token, url, null, null, null);
        }
        QrMatrix qr = QrMatrix.encode(url);
        return new IssuedCode(direction, token, url,
                formats.contains(CodeFormat.SVG) ? QrSvg.render(qr) : null,
                formats.contains(CodeFormat.PNG)
                        ? Base64.getEncoder().encodeToString(QrPng.render(qr, QrPng.DEFAULT_SCALE))
                        : null,
                formats.contains(CodeFormat.POSTER)
                        ? Poster.render(qr, new Poster.Content(venue.id(), venue.name(), venue.address(), direction,
                                venue.codeVersion()))
                        : null);
    }
}
