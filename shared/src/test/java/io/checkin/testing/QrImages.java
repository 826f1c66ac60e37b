package io.checkin.testing;

import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Reads a QR code back from a base64 PNG, as a phone camera would (zxing). */
public final class QrImages {

    private QrImages() {
    }

    public static String decodePng(String base64) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            return new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        } catch (Exception e) {
            throw new AssertionError("The PNG does not decode as a QR code", e);
        }
    }
}
