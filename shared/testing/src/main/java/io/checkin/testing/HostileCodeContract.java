package io.checkin.testing;

import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.checkin.code.CodeVerifier;
import io.checkin.code.Direction;
import io.checkin.code.VenueCode;
import io.checkin.signing.CodeSigner;
import io.checkin.venue.VenueIds;

/**
 * Every way a venue code can be forged, damaged or stale is a 422 problem naming the code field, and no
 * scan is recorded. Extends what {@link ScanFunctionContract} checks (tampered payload, unknown kid, wrong
 * direction, revoked, suspended). Each scan module runs it: {@code class ScanInCodesTest extends HostileCodeContract}.
 */
public abstract class HostileCodeContract extends HostileCalls {

    @Inject
    TestVenues testVenues;

    @Inject
    CodeSigner signer;

    @Inject
    CodeVerifier verifier;

    private HostileTarget scan;
    private String[] parts;

    protected abstract Direction direction();

    @BeforeEach
    void aVenueAndItsCode() {
        scan = targets.all().get(0);
        parts = ((String) scan.validText()).split("\\.");
    }

    @Test
    void aCodeCutShortInItsSignatureHasAnInvalidSignature() {
        rejectedCode(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 10),
                "code-signature-invalid");
    }

    @Test
    void aCodeWithoutItsSignatureIsMalformed() {
        rejectedCode(parts[0] + "." + parts[1], "code-malformed");
        rejectedCode(parts[0] + "." + parts[1] + ".", "code-malformed");
    }

    @Test
    void charactersOutsideBase64urlInAnyPartAreMalformed() {
        rejectedCode(parts[0] + "+/." + parts[1] + "." + parts[2], "code-malformed");
        rejectedCode(parts[0] + "." + parts[1] + "%3D." + parts[2], "code-malformed");
        rejectedCode(parts[0] + "." + parts[1] + "." + parts[2] + "==", "code-malformed");
    }

    @Test
    void aPartOfALengthNoBase64HasFailsTheSignature() {
        // the decoder drops the dangling character, and the signature covers the text as printed
        rejectedCode(parts[0] + "A." + parts[1] + "." + parts[2], "code-signature-invalid");
        rejectedCode(parts[0] + "." + parts[1] + "A." + parts[2], "code-signature-invalid");
        rejectedCode(parts[0] + "." + parts[1] + "." + parts[2] + "A", "code-signature-invalid");
    }

    @Test
    void aHeaderThatIsNotJsonIsMalformed() {
        rejectedCode(HostileTokens.encode("not json") + "." + parts[1] + "." + parts[2], "code-malformed");
    }

    @Test
    void aKidThatIsAnOperatorObjectIsMalformed() {
        rejectedCode(HostileTokens.encode("{\"alg\":\"ES256\",\"kid\":{\"$gt\":\"\"}}") + "." + parts[1] + "."
                + parts[2], "code-malformed");
    }

    @Test
    void aCodeSplicedFromTwoVenuesHasAnInvalidSignature() {
        String[] other = testVenues.create("Another hostile venue").code(direction()).split("\\.");
        rejectedCode(parts[0] + "." + parts[1] + "." + other[2], "code-signature-invalid");
    }

    @Test
    void aGenuineCodeForAVenueThatDoesNotExistIsRevoked() {
        rejectedCode(signer.sign(ForgedCodes.code(VenueIds.next(), direction())), "code-revoked");
    }

    @Test
    void aCodeFromAKeyRotatedOutIsFromAnUnknownKey() {
        rejectedCode(ForgedCodes.rotatedOutSigner().sign(venueCode()), "code-unknown-key");
    }

    @Test
    void aCodeFromAnotherKeyUnderTheRealKidHasAnInvalidSignature() {
        rejectedCode(ForgedCodes.impostorSigner().sign(venueCode()), "code-signature-invalid");
    }

    @Test
    void anUnsignedCodeIsMalformed() {
        // alg none leaves the third part empty, which no compact JWS of a venue code has
        rejectedCode(ForgedCodes.unsigned(venueCode()), "code-malformed");
    }

    @Test
    void aCodeMacedWithThePublishedKeysHasAnInvalidSignature() {
        rejectedCode(ForgedCodes.hmacWithPublishedKeys(venueCode()), "code-signature-invalid");
    }

    @Test
    void genuinelySignedContentThatIsNotAVenueCodeIsMalformed() {
        VenueCode code = venueCode();
        rejectedCode(ForgedCodes.signedByRealKey("[1,2]"), "code-malformed");
        rejectedCode(ForgedCodes.signedByRealKey("not json"), "code-malformed");
        rejectedCode(ForgedCodes.signedByRealKey(ForgedCodes.payload(code).replace("\"" + code.venueId() + "\"",
                "{\"$gt\":\"\"}")), "code-malformed");
        rejectedCode(ForgedCodes.signedByRealKey(ForgedCodes.payload(code).replace("\"" + direction() + "\"",
                "\"SIDEWAYS\"")), "code-malformed");
        rejectedCode(ForgedCodes.signedByRealKey(ForgedCodes.payload(code).replace(":1,", ":\"1\",")), "code-malformed");
    }

    @Test
    void aCodeTooLongForAnyVenueIsRejected() {
        rejected(scan, scan.bodyWithRaw("\"" + parts[0] + "." + "A".repeat(3000) + "." + parts[2] + "\""), 422,
                "code-malformed", "code");
        rejected(scan, scan.bodyWithRaw("\"" + "A".repeat(5000) + "\""), 400, "field-too-long", "code");
    }

    @Test
    void aVenueNameInAnyScriptComesBackIntact() {
        // an emoji family (joined by U+200D), a combining accent, CJK and right-to-left text with its mark
        String name = "\uD83D\uDC69\u200D\uD83D\uDC67 Cafe\u0301 \u5317\u4EAC \u200F\u05E9\u05DC\u05D5\u05DD";
        String code = testVenues.create(name).code(direction());
        Api.call(scan.function(), Tokens.citizen("unicode-" + UUID.randomUUID()), scan.bodyWith().apply(code))
                .statusCode(200).body("venueName", equalTo(name));
    }

    /** What the target's genuine code says, for forgeries that would otherwise be accepted. */
    private VenueCode venueCode() {
        return verifier.verify((String) scan.validText());
    }

    private void rejectedCode(String code, String problemCode) {
        rejected(scan, scan.bodyWithRaw("\"" + code + "\""), 422, problemCode, "code");
    }
}
