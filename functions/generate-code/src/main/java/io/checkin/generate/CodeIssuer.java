package io.checkin.generate;

import java.util.Base64;
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
