package io.checkin.qr;

import io.checkin.code.Direction;

/** A printable A5 poster (SVG): what to do, where you are, and the code, large enough to scan from a metre. */
public final class Poster {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 850;
    private static final int CODE_SIZE = 480;

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
                + text(WIDTH / 2, 175, fontSizeFor(content.venueName(), 34), "bold", "#000", content.venueName())
                + (content.address() == null ? ""
                        : text(WIDTH / 2, 212, fontSizeFor(content.address(), 20), "normal", "#444", content.address()))
                + "<g transform=\"translate(" + codeX + " " + codeY + ") scale(" + scale + ")\" shape-rendering=\"crispEdges\">"
                + QrSvg.body(qr) + "</g>"
                + text(WIDTH / 2, 770, 22, "normal", "#000",
                        content.direction() == Direction.IN ? "Check in when you arrive" : "Check out when you leave")
                + text(WIDTH / 2, 815, 14, "normal", "#666", "Venue " + content.venueId() + " \u00b7 "
                        + (content.direction() == Direction.IN ? "entry" : "exit") + " code \u00b7 version "
                        + content.codeVersion())
                + "</svg>";
    }

    /** Long names shrink so they stay on the page. */
    private static int fontSizeFor(String value, int base) {
        int length = value.codePointCount(0, value.length());
        int fits = (int) (WIDTH * 1.8 / base);
        return length <= fits ? base : Math.max(10, base * fits / length);
    }

    private static String text(int x, int y, int size, String weight, String fill, String value) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"" + size + "\" font-weight=\"" + weight
                + "\" fill=\"" + fill + "\" text-anchor=\"middle\">" + Xml.escape(value) + "</text>";
    }
}
