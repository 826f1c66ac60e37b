package io.checkin.qr;

import io.checkin.code.Direction;

/**
 * A printable A5 poster (SVG): what to do (with the phone's camera: the code is a link to the check-in page), where
 * you are, and the code, large enough to scan from a metre.
 */
public final class Poster {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 850;
    private static final int CODE_SIZE = 480;
    /** The width a line of text may take: the page less a margin on each side. */
    private static final int TEXT_WIDTH = 560;
    /** Text smaller than this (in the poster's units, 600 across 148 mm: about 2.4 mm) is hard to read. */
    private static final int MIN_SIZE = 12;
    /** A name that one line would shrink below this goes on two lines. */
    private static final int TWO_LINES_BELOW = 22;

    private Poster() {
    }

    public record Content(String venueId, String venueName, String address, Direction direction, int codeVersion) {
    }

    public static String render(QrMatrix qr, Content content) {
        double scale = (double) CODE_SIZE / qr.size();
        int codeX = (WIDTH - CODE_SIZE) / 2;
        int codeY = 230;
        String accent = content.direction() == Direction.IN ? "#0b6e4f" : "#9b2226";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" width=\"148mm\" height=\"210mm\" font-family=\"Helvetica, Arial, sans-serif\">"
                + "<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#fff\"/>"
                + "<rect width=\"" + WIDTH + "\" height=\"120\" fill=\"" + accent + "\"/>"
                + text(WIDTH / 2, 80, 52, "bold", "#fff", content.direction().callToAction())
                + name(content.venueName())
                + (content.address() == null ? "" : fitted(214, 20, "normal", "#444", content.address()))
                + "<g transform=\"translate(" + codeX + " " + codeY + ") scale(" + scale + ")\" shape-rendering=\"crispEdges\">"
                + QrSvg.body(qr) + "</g>"
                // the code is a link: the phone's own camera opens it, no app to find first
                + fitted(752, 22, "normal", "#000", "Point your phone's camera at the code")
                + fitted(784, 22, "normal", "#000", content.direction() == Direction.IN
                        ? "and tap the link to check in as you arrive" : "and tap the link to check out as you leave")
                + text(WIDTH / 2, 826, 14, "normal", "#666", "Venue " + content.venueId() + " \u00b7 "
                        + (content.direction() == Direction.IN ? "entry" : "exit") + " code \u00b7 version "
                        + content.codeVersion())
                + "</svg>";
    }

    /**
     * The venue's name, on one line while that keeps it at least {@link #TWO_LINES_BELOW} units high, else on two,
     * cut at the space nearest the middle (or at the middle, for a name without spaces near it).
     */
    private static String name(String name) {
        if (sizeFor(name, 34) >= TWO_LINES_BELOW) {
            return fitted(175, 34, "bold", "#000", name);
        }
        int[] points = name.codePoints().toArray();
        int middle = points.length / 2;
        int cut = middle;
        for (int d = 0; d <= middle / 2; d++) {
            if (points[middle + d] == ' ') {
                cut = middle + d + 1;
                break;
            }
            if (points[middle - d] == ' ') {
                cut = middle - d + 1;
                break;
            }
        }
        String first = new String(points, 0, cut);
        String second = new String(points, cut, points.length - cut);
        int size = Math.min(sizeFor(first, 26), sizeFor(second, 26)); // both lines alike, close together
        int top = 176 - Math.round(size * 0.55f);
        return fitted(top, size, "bold", "#000", first) + fitted(top + Math.round(size * 1.25f), size, "bold", "#000", second);
    }

    /**
     * One centred line of text that stays on the page: at most {@code base} units high, smaller for a long
     * text, never under {@link #MIN_SIZE}; a text still too wide at that size (by a generous estimate of its
     * glyphs' widths) is drawn squeezed to the page's width by the renderer itself ({@code textLength}).
     */
    private static String fitted(int y, int base, String weight, String fill, String value) {
        int size = sizeFor(value, base);
        String squeeze = ems(value) * size > TEXT_WIDTH
                ? " textLength=\"" + TEXT_WIDTH + "\" lengthAdjust=\"spacingAndGlyphs\"" : "";
        return text(WIDTH / 2, y, size, weight, fill, value, squeeze);
    }

    private static int sizeFor(String value, int base) {
        return Math.max(MIN_SIZE, Math.min(base, (int) (TEXT_WIDTH / ems(value))));
    }

    /**
     * How many font-size units wide a text is, erring wide (from bold Helvetica's widths): CJK, emoji, W and M
     * about 1 unit, capitals 0.72-0.78, most lower-case letters and digits 0.56-0.61, the narrow ones 0.28-0.33.
     */
    static double ems(String value) {
        return value.codePoints().mapToDouble(c -> c >= 0x1100 || "WMmw@%".indexOf(c) >= 0 ? 1.0
                : "iljtfrI.,:;'|!() ".indexOf(c) >= 0 ? 0.4
                : Character.isUpperCase(c) ? 0.8 : 0.62).sum();
    }

    private static String text(int x, int y, int size, String weight, String fill, String value) {
        return text(x, y, size, weight, fill, value, "");
    }

    private static String text(int x, int y, int size, String weight, String fill, String value, String attributes) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"" + size + "\" font-weight=\"" + weight
                + "\" fill=\"" + fill + "\" text-anchor=\"middle\"" + attributes + ">" + Xml.escape(value) + "</text>";
    }
}
