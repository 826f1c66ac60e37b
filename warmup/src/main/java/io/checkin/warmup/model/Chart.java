package io.checkin.warmup.model;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** An SVG chart of a simulation: offered traffic, and ready pods without and with pre-warming. */
public final class Chart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 100;
    private static final int RIGHT = 70;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private Chart() {
    }

    public static String svg(String title, SimulationResult cold, SimulationResult warm) {
        List<Tick> base = cold.ticks();
        double seconds = base.isEmpty() ? 1 : base.get(base.size() - 1).at().toMillis() / 1000.0;
        double maxRate = Math.max(1, base.stream().mapToDouble(Tick::rate).max().orElse(1));
        double maxPods = Math.max(1, Math.max(cold.maxReadyPods(), warm == null ? 0 : warm.maxReadyPods()));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        svg.append(text(WIDTH / 2, 22, "middle", 15, escape(title)));
        svg.append(line(cold.ticks(), Tick::rate, seconds, maxRate, "#888", "4 3"));
        svg.append(line(cold.ticks(), Tick::readyPods, seconds, maxPods, "#c0392b", null));
        if (warm != null) {
            svg.append(line(warm.ticks(), Tick::readyPods, seconds, maxPods, "#1e8449", null));
        }
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d V%d\" fill=\"none\" stroke=\"#000\"/>", LEFT, TOP,
                bottom, WIDTH - RIGHT, TOP));
        svg.append(text(LEFT - 8, TOP + 4, "end", 12, format(maxRate) + " req/s"));
        svg.append(text(LEFT - 8, bottom, "end", 12, "0"));
        svg.append(text(WIDTH - RIGHT + 8, TOP + 4, "start", 12, format(maxPods) + " pods"));
        svg.append(text(WIDTH - RIGHT + 8, bottom, "start", 12, "0"));
        svg.append(text(LEFT, bottom + 20, "middle", 12, "0 s"));
        svg.append(text(WIDTH - RIGHT, bottom + 20, "middle", 12, format(seconds) + " s"));
        svg.append(text(LEFT + 10, HEIGHT - 10, "start", 12, "- - traffic (left axis)"));
        svg.append("<text x=\"260\" y=\"" + (HEIGHT - 10) + "\" fill=\"#c0392b\">ready pods, from zero</text>");
        if (warm != null) {
            svg.append("<text x=\"460\" y=\"" + (HEIGHT - 10) + "\" fill=\"#1e8449\">ready pods, pre-warmed</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String line(List<Tick> ticks, ToDoubleFunction<Tick> value, double seconds, double max, String colour,
            String dash) {
        StringBuilder d = new StringBuilder();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        for (Tick tick : ticks) {
            double x = LEFT + plotWidth * tick.at().toMillis() / 1000.0 / Math.max(1, seconds);
            double y = HEIGHT - BOTTOM - plotHeight * value.applyAsDouble(tick) / max;
            d.append(d.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(int x, int y, String anchor, int size, String value) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\">" + value
                + "</text>";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
