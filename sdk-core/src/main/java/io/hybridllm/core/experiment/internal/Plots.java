package io.hybridllm.core.experiment.internal;

import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ArmSummary;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ExperimentSummary;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ShadowSummary;
import io.hybridllm.core.routing.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The three plots of one experiment, drawn as standalone SVG documents. */
public final class Plots {
    static final String LOCAL_COLOUR = "#1b7837";
    static final String REMOTE_COLOUR = "#2166ac";
    private static final String ERROR_COLOUR = "#b2182b";
    private static final String OVERRIDE_COLOUR = "#f4a582";
    /** Steps drawn per ECDF at most; larger arms are drawn through this many quantiles. */
    private static final int ECDF_STEPS = 1000;
    /** Points drawn in the shadow scatter at most; more pairs are thinned evenly. */
    private static final int SCATTER_POINTS = 5000;

    private Plots() {}

    /**
     * One plot: {@code svg} is null when there was nothing to draw, and {@code omitted} says why.
     *
     * @param name the file name stem, unique within a report
     */
    public record Plot(String name, String title, String caption, String svg, String omitted) {
        public boolean drawn() {
            return svg != null;
        }
    }

    /** The latency ECDF, the errors and overrides bars and the shadow scatter, in that order. */
    public static List<Plot> of(ExperimentSummary s, String stem) {
        return List.of(
                latencyEcdf(s, stem + "-latency-ecdf"),
                errorsAndOverrides(s, stem + "-errors-overrides"),
                shadowScatter(s, stem + "-shadow-pairs"));
    }

    static Plot latencyEcdf(ExperimentSummary s, String name) {
        String title = "Latency ECDF per arm: " + s.name();
        String caption = "Share of successful calls at or below each latency, per arm; log-scaled x axis.";
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ArmSummary a : List.of(s.local(), s.remote())) {
            double[] l = a.sortedLatencies();
            if (l.length > 0) {
                min = Math.min(min, Math.max(l[0], 0.1));
                max = Math.max(max, Math.max(l[l.length - 1], 0.1));
            }
        }
        if (max == 0) {
            return new Plot(name, title, caption, null, "no successful calls in either arm");
        }
        Svg svg = new Svg(title);
        Svg.Axis x = Svg.Axis.logDecades(min, max, Svg.LEFT, Svg.RIGHT);
        Svg.Axis y = Svg.Axis.linear(0, 1, Svg.BOTTOM, Svg.TOP);
        svg.axes(x, y, "latency (ms, log scale)", "share of calls at or below", true);
        for (ArmSummary a : List.of(s.local(), s.remote())) {
            String colour = a == s.local() ? LOCAL_COLOUR : REMOTE_COLOUR;
            double[] l = a.sortedLatencies();
            if (l.length == 0) {
                svg.legend(a.arm() + ": no successful calls", colour, true);
                continue;
            }
            svg.polyline(ecdfPoints(l, x, y), colour, 2);
            svg.legend(String.format(Locale.ROOT, "%s (%d calls)", a.arm(), l.length), colour, false);
        }
        return new Plot(name, title, caption, svg.finish(), null);
    }

    private static List<double[]> ecdfPoints(double[] sorted, Svg.Axis x, Svg.Axis y) {
        int n = sorted.length;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {x.map(sorted[0]), y.map(0)});
        if (n <= ECDF_STEPS) {
            for (int i = 0; i < n; i++) {
                points.add(new double[] {x.map(sorted[i]), y.map((double) i / n)});
                points.add(new double[] {x.map(sorted[i]), y.map((double) (i + 1) / n)});
            }
        } else {
            for (int k = 0; k <= ECDF_STEPS; k++) {
                double p = (double) k / ECDF_STEPS;
                points.add(new double[] {x.map(Stats.quantileSorted(sorted, n, p)), y.map(p)});
            }
        }
        points.add(new double[] {Svg.RIGHT, y.map(1)});
        return points;
    }

    static Plot errorsAndOverrides(ExperimentSummary s, String name) {
        String title = "Errors and overrides per arm: " + s.name();
        String caption =
                "Share of each arm's calls that failed (with the 95% Wilson interval) or did not follow the arm"
                        + " (override); counts above the bars.";
        if (s.local().calls() + s.remote().calls() == 0) {
            return new Plot(name, title, caption, null, "no calls in either arm");
        }
        double top = 0;
        for (ArmSummary a : List.of(s.local(), s.remote())) {
            if (a.calls() > 0) {
                top = Math.max(top, Math.max(a.errorRate().high(), a.overrideRate()));
            }
        }
        double step = Svg.niceStep(Math.max(0.01, top * 1.15) / 5);
        top = Math.ceil(Math.max(0.01, top * 1.15) / step - 1e-9) * step;
        Svg svg = new Svg(title);
        Svg.Axis y = Svg.Axis.linear(0, top, Svg.BOTTOM, Svg.TOP);
        svg.yAxis(y, "share of the arm's calls", true);
        double groupWidth = (Svg.RIGHT - Svg.LEFT) / 2;
        double barWidth = groupWidth / 5;
        List<ArmSummary> arms = List.of(s.local(), s.remote());
        for (int g = 0; g < arms.size(); g++) {
            ArmSummary a = arms.get(g);
            double centre = Svg.LEFT + groupWidth * (g + 0.5);
            svg.text(centre, Svg.BOTTOM + 20, a.arm() + " (" + a.calls() + " calls)", "middle", 12, true);
            if (a.calls() == 0) {
                svg.text(centre, Svg.BOTTOM - 12, "no calls", "middle", 11, false);
                continue;
            }
            double errorX = centre - barWidth - 4;
            double errorRate = a.errorRate().value();
            svg.rect(errorX, y.map(errorRate), barWidth, y.map(0) - y.map(errorRate), ERROR_COLOUR);
            double whiskerX = errorX + barWidth / 2;
            svg.line(
                    whiskerX,
                    y.map(a.errorRate().low()),
                    whiskerX,
                    y.map(a.errorRate().high()),
                    "#333333",
                    1.5,
                    null);
            svg.line(
                    whiskerX - 5,
                    y.map(a.errorRate().low()),
                    whiskerX + 5,
                    y.map(a.errorRate().low()),
                    "#333333",
                    1.5,
                    null);
            svg.line(
                    whiskerX - 5,
                    y.map(a.errorRate().high()),
                    whiskerX + 5,
                    y.map(a.errorRate().high()),
                    "#333333",
                    1.5,
                    null);
            svg.text(whiskerX, y.map(a.errorRate().high()) - 6, countLabel(a.errors(), errorRate), "middle", 11, false);
            double overrideX = centre + 4;
            double overrideRate = a.overrideRate();
            svg.rect(overrideX, y.map(overrideRate), barWidth, y.map(0) - y.map(overrideRate), OVERRIDE_COLOUR);
            svg.text(
                    overrideX + barWidth / 2,
                    y.map(overrideRate) - 6,
                    countLabel(a.overrides(), overrideRate),
                    "middle",
                    11,
                    false);
        }
        svg.text((Svg.LEFT + Svg.RIGHT) / 2, Svg.BOTTOM + 42, "arm", "middle", 12, false);
        svg.legendBox("errors (95% Wilson interval)", ERROR_COLOUR);
        svg.legendBox("overrides", OVERRIDE_COLOUR);
        return new Plot(name, title, caption, svg.finish(), null);
    }

    private static String countLabel(int count, double rate) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", count, rate * 100);
    }

    static Plot shadowScatter(ExperimentSummary s, String name) {
        String title = "Shadow pairs, LOCAL vs REMOTE latency: " + s.name();
        String caption = "Each point is one request run on both routes (served and shadow), both successful; points"
                + " above the dashed y = x line were slower on REMOTE. Log-scaled axes.";
        List<ShadowSummary> directions = List.of(s.localServed(), s.remoteServed());
        int pairs = s.localServed().pairs() + s.remoteServed().pairs();
        int comparable = s.localServed().comparablePairs() + s.remoteServed().comparablePairs();
        if (pairs == 0) {
            return new Plot(name, title, caption, null, "no shadow runs");
        }
        if (comparable == 0) {
            return new Plot(name, title, caption, null, "no shadow pair in which both calls succeeded");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ShadowSummary d : directions) {
            for (double[] values : List.of(d.localLatencies(), d.remoteLatencies())) {
                for (double v : values) {
                    min = Math.min(min, Math.max(v, 0.1));
                    max = Math.max(max, Math.max(v, 0.1));
                }
            }
        }
        Svg svg = new Svg(title);
        Svg.Axis x = Svg.Axis.logDecades(min, max, Svg.LEFT, Svg.RIGHT);
        Svg.Axis y = Svg.Axis.logDecades(min, max, Svg.BOTTOM, Svg.TOP);
        svg.axes(x, y, "LOCAL latency (ms, log scale)", "REMOTE latency (ms, log scale)", false);
        svg.line(x.map(x.min()), y.map(y.min()), x.map(x.max()), y.map(y.max()), "#555555", 1.5, "6 4");
        int step = Math.max(1, (comparable + SCATTER_POINTS - 1) / SCATTER_POINTS);
        for (ShadowSummary d : directions) {
            String colour = d.served() == Route.LOCAL ? LOCAL_COLOUR : REMOTE_COLOUR;
            for (int i = 0; i < d.localLatencies().length; i += step) {
                svg.circle(x.map(d.localLatencies()[i]), y.map(d.remoteLatencies()[i]), 3, colour);
            }
        }
        for (ShadowSummary d : directions) {
            String colour = d.served() == Route.LOCAL ? LOCAL_COLOUR : REMOTE_COLOUR;
            svg.legendBox(
                    String.format(
                            Locale.ROOT,
                            "served %s, shadow %s (%d pairs)",
                            d.served(),
                            d.shadow(),
                            d.comparablePairs()),
                    colour);
        }
        svg.legend("y = x", "#555555", true);
        String thinned = step > 1 ? String.format(Locale.ROOT, " Every %d-th pair is drawn.", step) : "";
        return new Plot(name, title, caption + thinned, svg.finish(), null);
    }
}
