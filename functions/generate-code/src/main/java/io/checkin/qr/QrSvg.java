package io.checkin.qr;

/** Renders a QR code as SVG: one path, one horizontal run of dark modules per segment, so it stays small. */
public final class QrSvg {

    private QrSvg() {
    }

    public static String render(QrMatrix qr) {
        int n = qr.size();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + n * 4
                + "\" height=\"" + n * 4 + "\" shape-rendering=\"crispEdges\">" + body(qr) + "</svg>";
    }

    /** The white square and the dark path, for embedding in a larger drawing such as the poster. */
    static String body(QrMatrix qr) {
        int n = qr.size();
        StringBuilder d = new StringBuilder(n * n / 2);
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!qr.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && qr.dark(x, y)) {
                    x++;
                }
                int run = x - start;
                d.append('M').append(start).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
            }
        }
        return "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/>";
    }
}
