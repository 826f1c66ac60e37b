package io.checkin.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * Reads a QR code back from a base64 PNG (zxing): as a camera app would, and if that fails, as an image known to
 * hold nothing but the code. zxing's detector misses about 2% of perfectly drawn codes of this size at some
 * scales (8 pixels a module among them) whatever mask the code has (measured over 400 random URLs, with zxing's
 * own mask choice as often as with ours); a photo is never that crisp, and the code itself is valid.
 */
public final class QrImages {

    /**
     * Only QR codes: with every format allowed, zxing once read a code's PNG as a one-dimensional barcode saying "Z".
     */
    private static final List<BarcodeFormat> QR = List.of(BarcodeFormat.QR_CODE);

    private QrImages() {
    }

    /** The QR code in the image, read as a camera app reads it, without the second try {@link #decodePng} makes. */
    public static String decode(BufferedImage image) throws NotFoundException {
        return new MultiFormatReader().decode(bitmap(image), Map.of(DecodeHintType.POSSIBLE_FORMATS, QR)).getText();
    }

    public static String decodePng(String base64) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            try {
                return decode(image);
            } catch (NotFoundException e) {
                return new MultiFormatReader().decode(bitmap(image),
                        Map.of(DecodeHintType.POSSIBLE_FORMATS, QR, DecodeHintType.PURE_BARCODE, true)).getText();
            }
        } catch (Exception e) {
            throw new AssertionError("The PNG does not decode as a QR code", e);
        }
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }
}
