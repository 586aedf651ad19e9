package io.hybridllm.core.experiment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A tiny SVG writer: a fixed-size canvas with a plot frame, axes, ticks, labels and a legend. */
final class Svg {
    static final int WIDTH = 640;
    static final int HEIGHT = 420;
    static final double LEFT = 78;
    static final double RIGHT = WIDTH - 24;
    static final double TOP = 48;
    static final double BOTTOM = HEIGHT - 58;

    private final StringBuilder sb = new StringBuilder(8192);
    private final List<LegendEntry> legend = new ArrayList<>();

    Svg(String title) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        text(WIDTH / 2.0, 24, title, "middle", 15, true);
    }

    /** A linear or base-10 logarithmic axis mapping data values onto a pixel range. */
    record Axis(double min, double max, boolean log, double from, double to) {
        static Axis linear(double min, double max, double from, double to) {
            return new Axis(min, max, false, from, to);
        }

        /** A log axis from the decade at or below {@code min} to the decade at or above {@code max}. */
        static Axis logDecades(double min, double max, double from, double to) {
            double lo = Math.pow(10, Math.floor(Math.log10(min)));
            double hi = Math.pow(10, Math.ceil(Math.log10(max)));
            if (hi <= lo) {
                hi = lo * 10;
            }
            return new Axis(lo, hi, true, from, to);
        }

        double map(double v) {
            double t = log
                    ? (Math.log10(Math.max(v, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return from + Math.max(0, Math.min(1, t)) * (to - from);
        }

        List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            if (log) {
                double decades = Math.log10(max / min);
                double[] steps = decades <= 3 ? new double[] {1, 2, 5} : new double[] {1};
                for (double d = min; d <= max * 1.0001; d *= 10) {
                    for (double s : steps) {
                        if (d * s <= max * 1.0001) {
                            out.add(d * s);
                        }
                    }
                }
            } else {
                double step = niceStep((max - min) / 5);
                double first = Math.ceil(min / step - 1e-9);
                for (int i = 0; (first + i) * step <= max + step * 1e-9; i++) {
                    out.add((first + i) * step);
                }
            }
            return out;
        }
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** The frame with grid lines, ticks and tick labels on both axes, and the axis titles. */
    void axes(Axis x, Axis y, String xTitle, String yTitle, boolean percentY) {
        for (double t : x.ticks()) {
            double px = x.map(t);
            line(px, TOP, px, BOTTOM, "#e5e5e5", 1, null);
            line(px, BOTTOM, px, BOTTOM + 5, "#333333", 1, null);
            text(px, BOTTOM + 18, number(t), "middle", 11, false);
        }
        yAxis(y, yTitle, percentY);
        text((LEFT + RIGHT) / 2, BOTTOM + 42, xTitle, "middle", 12, false);
    }

    /** The frame with horizontal grid lines, y ticks, their labels and the y title (the x axis is left bare). */
    void yAxis(Axis y, String yTitle, boolean percent) {
        for (double t : y.ticks()) {
            double py = y.map(t);
            line(LEFT, py, RIGHT, py, "#e5e5e5", 1, null);
            line(LEFT - 5, py, LEFT, py, "#333333", 1, null);
            text(LEFT - 8, py + 4, percent ? number(t * 100) + "%" : number(t), "end", 11, false);
        }
        line(LEFT, BOTTOM, RIGHT, BOTTOM, "#333333", 1, null);
        line(LEFT, TOP, LEFT, BOTTOM, "#333333", 1, null);
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\""
                        + " transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n",
                22.0,
                (TOP + BOTTOM) / 2,
                22.0,
                (TOP + BOTTOM) / 2,
                escape(yTitle)));
    }

    /** One legend entry as a line (dashed or solid), drawn in the top left corner of the frame. */
    void legend(String label, String colour, boolean dashed) {
        legend.add(new LegendEntry(label, colour, dashed ? "dashed" : "line"));
    }

    /** One legend entry as a filled square (for bars and points). */
    void legendBox(String label, String colour) {
        legend.add(new LegendEntry(label, colour, "box"));
    }

    private record LegendEntry(String label, String colour, String kind) {}

    /** The legend, last so it sits on top, on a white panel so data beneath does not hide it. */
    private void drawLegend() {
        if (legend.isEmpty()) {
            return;
        }
        int longest = legend.stream().mapToInt(e -> e.label().length()).max().orElse(0);
        rectStyled(LEFT + 6, TOP + 2, 46 + 6.8 * longest, 18 * legend.size() + 6, "#ffffff", 0.85);
        for (int i = 0; i < legend.size(); i++) {
            LegendEntry e = legend.get(i);
            double y = TOP + 16 + 18 * i;
            if (e.kind().equals("box")) {
                rect(LEFT + 18, y - 10, 12, 12, e.colour());
            } else {
                line(LEFT + 12, y - 4, LEFT + 36, y - 4, e.colour(), 3, e.kind().equals("dashed") ? "6 4" : null);
            }
            text(LEFT + 42, y, e.label(), "start", 12, false);
        }
    }

    void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        sb.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                x1,
                y1,
                x2,
                y2,
                stroke,
                number(width),
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    void polyline(List<double[]> points, String stroke, double width) {
        sb.append("<polyline fill=\"none\" stroke=\"")
                .append(stroke)
                .append("\" stroke-width=\"")
                .append(number(width))
                .append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f", p[0], p[1]));
        }
        sb.append("\"/>\n");
    }

    void rect(double x, double y, double w, double h, String fill) {
        sb.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x,
                y,
                w,
                Math.max(0, h),
                fill));
    }

    void rectStyled(double x, double y, double w, double h, String fill, double opacity) {
        sb.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%s\"/>%n",
                x,
                y,
                w,
                h,
                fill,
                number(opacity)));
    }

    void circle(double cx, double cy, double r, String fill) {
        sb.append(String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.55\"/>%n",
                cx,
                cy,
                r,
                fill));
    }

    void text(double x, double y, String s, String anchor, int size, boolean bold) {
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>%n",
                x,
                y,
                anchor,
                size,
                bold ? " font-weight=\"bold\"" : "",
                escape(s)));
    }

    String finish() {
        drawLegend();
        return sb + "</svg>\n";
    }

    /** A tick label: no trailing zeros, thousands as k. */
    static String number(double v) {
        if (Math.abs(v) >= 1000 && v == Math.rint(v / 1000) * 1000) {
            return number(v / 1000) + "k";
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
