package io.checkin.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Renders a QR code as a 1-bit grayscale PNG. Written by hand instead of through java.awt/ImageIO: it is
 * several times faster, and a native image needs no AWT.
 */
public final class QrPng {

    /** Pixels per module: 8 gives a sharp print up to about 10 cm wide. */
    public static final int DEFAULT_SCALE = 8;
    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private QrPng() {
    }

    public static byte[] render(QrMatrix qr, int scale) {
        int width = qr.size() * scale;
        int rowBytes = (width + 7) / 8;
        int stride = rowBytes + 1; // each row starts with its filter type: 0, none
        byte[] raw = new byte[stride * width];
        for (int my = 0; my < qr.size(); my++) {
            int first = my * scale * stride;
            for (int x = 0; x < width; x++) {
                if (!qr.dark(x / scale, my)) {
                    raw[first + 1 + (x >>> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
            for (int copy = 1; copy < scale; copy++) {
                System.arraycopy(raw, first, raw, first + copy * stride, stride);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 128);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, width);
        header[8] = 1; // bit depth
        header[9] = 0; // colour type: grayscale
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        byte[] check = new byte[4];
        putInt(check, 0, (int) crc.getValue());
        out.writeBytes(check);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
