package org.clipfile.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A hand-written SVG: line charts with log or linear x, and a bar chart; enough for the benchmark report. */
final class Plot {
    record Series(String name, String color, boolean dashed, List<double[]> points) {}

    record Bar(String label, double value) {}

    private static final int PANEL_W = 460;
    private static final int PANEL_H = 300;
    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;

    Plot(int panels, String title) {
        this.width = panels * (PANEL_W + 20) + 20;
        this.height = PANEL_H + 90;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>\n",
                escape(title)));
    }

    /** A line chart in panel {@code index}; x on a log10 scale when {@code logX}. */
    void lines(int index, String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
        int left = 20 + index * (PANEL_W + 20) + 50;
        int top = 50;
        int w = PANEL_W - 60;
        int h = PANEL_H - 50;
        double xmin = Double.MAX_VALUE, xmax = -Double.MAX_VALUE, ymax = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                double x = logX ? Math.log10(p[0]) : p[0];
                xmin = Math.min(xmin, x);
                xmax = Math.max(xmax, x);
                ymax = Math.max(ymax, p[1]);
            }
        }
        if (xmin == Double.MAX_VALUE) {
            return;
        }
        if (xmax - xmin < 1e-9) {
            xmin -= 0.5;
            xmax += 0.5;
        }
        ymax = niceCeiling(ymax);
        frame(left, top, w, h, title, xLabel, yLabel);
        for (int i = 0; i <= 4; i++) {
            double y = ymax * i / 4;
            int py = top + h - (int) (h * i / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left, py, left + w, py, left - 4,
                    py + 4, number(y)));
        }
        List<Double> ticks = new ArrayList<>();
        if (logX) {
            // Ticks at the measured sizes themselves.
            for (Series s : series) {
                for (double[] p : s.points()) {
                    double x = Math.log10(p[0]);
                    if (ticks.stream().noneMatch(t -> Math.abs(t - x) < 1e-9)) {
                        ticks.add(x);
                    }
                }
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                ticks.add(xmin + (xmax - xmin) * i / 4);
            }
        }
        for (double t : ticks) {
            int px = left + (int) (w * (t - xmin) / (xmax - xmin));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px,
                    top + h + 14, number(logX ? Math.pow(10, t) : t)));
        }
        int legendY = top + 12;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                double x = logX ? Math.log10(p[0]) : p[0];
                int px = left + (int) (w * (x - xmin) / (xmax - xmin));
                int py = top + h - (int) (h * Math.min(p[1], ymax) / ymax);
                path.append(path.isEmpty() ? "M" : " L").append(px).append(' ').append(py);
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>", px, py,
                        s.color()));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    path, s.color(), s.dashed() ? " stroke-dasharray=\"5,4\"" : ""));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\">%s</text>\n", left + 8, legendY - 4, left + 28,
                    legendY - 4, s.color(), s.dashed() ? " stroke-dasharray=\"5,4\"" : "", left + 32, legendY,
                    escape(s.name())));
            legendY += 14;
        }
    }

    /** A horizontal bar chart in panel {@code index}. */
    void bars(int index, String title, String xLabel, List<Bar> bars) {
        int left = 20 + index * (PANEL_W + 20) + 130;
        int top = 50;
        int w = PANEL_W - 150;
        int h = PANEL_H - 50;
        double max = niceCeiling(bars.stream().mapToDouble(Bar::value).max().orElse(1));
        frame(left, top, w, h, title, xLabel, "");
        int rowH = Math.max(12, h / Math.max(1, bars.size()));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + i * rowH + 3;
            int bw = (int) (w * b.value() / max);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4477aa\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text><text x=\"%d\" y=\"%d\">%s</text>\n",
                    left, y, Math.max(1, bw), rowH - 6, left - 4, y + rowH / 2 + 1, escape(b.label()),
                    left + bw + 4, y + rowH / 2 + 1, number(b.value())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left + w,
                top + h + 14, number(max)));
    }

    private void frame(int left, int top, int w, int h, String title, String xLabel, String yLabel) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\">%s</text>\n",
                left, top - 10, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>\n", left, top, w, h));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                left + w / 2, top + h + 30, escape(xLabel)));
        if (!yLabel.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" "
                    + "text-anchor=\"middle\">%s</text>\n", left - 38, top + h / 2, escape(yLabel)));
        }
    }

    String render() {
        return svg + "</svg>\n";
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double v) {
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.3gM", v / 1e6);
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
