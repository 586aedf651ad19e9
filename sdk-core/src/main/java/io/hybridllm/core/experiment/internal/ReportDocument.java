package io.hybridllm.core.experiment.internal;

import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ArmSummary;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ExperimentSummary;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.SampleRatioCheck;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ShadowSummary;
import io.hybridllm.core.routing.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The report as a list of blocks (headings, paragraphs, tables, plots), rendered as Markdown or as HTML. */
public final class ReportDocument {
    /** One block of the report. */
    public sealed interface Block permits Heading, Paragraph, Table, Figure {}

    public record Heading(int level, String text) implements Block {}

    /** A paragraph; a warning is rendered emphasised. */
    public record Paragraph(String text, boolean warning) implements Block {}

    /** A table; the first column holds row labels. */
    public record Table(List<String> header, List<List<String>> rows) implements Block {}

    public record Figure(Plots.Plot plot) implements Block {}

    private final List<Block> blocks;
    private final List<Plots.Plot> plots;

    private ReportDocument(List<Block> blocks, List<Plots.Plot> plots) {
        this.blocks = List.copyOf(blocks);
        this.plots = List.copyOf(plots);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Every plot of the report, drawn or omitted, in report order. */
    public List<Plots.Plot> plots() {
        return plots;
    }

    /** Lays out the report of the given experiments. */
    public static ReportDocument of(List<ExperimentSummary> experiments, long seed, int resamples) {
        List<Block> b = new ArrayList<>();
        List<Plots.Plot> allPlots = new ArrayList<>();
        b.add(new Heading(1, "Experiment report"));
        b.add(new Paragraph(
                String.format(
                        Locale.ROOT,
                        "Intervals are 95%%. Error rates: Wilson interval over calls. Medians and REMOTE minus LOCAL"
                                + " differences: percentile cluster bootstrap over units (units resampled with"
                                + " replacement within each arm, because the calls of one unit are correlated: its"
                                + " assignment is sticky), %d resamples, seed %d. Latencies are those of successful"
                                + " calls; percentiles interpolate linearly between order statistics.",
                        resamples,
                        seed),
                false));
        if (experiments.isEmpty()) {
            b.add(new Paragraph("No records.", false));
        }
        Set<String> stems = new HashSet<>();
        for (ExperimentSummary s : experiments) {
            String stem = stem(s.name(), stems);
            List<Plots.Plot> plots = Plots.of(s, stem);
            allPlots.addAll(plots);
            experiment(b, s, plots);
        }
        return new ReportDocument(b, allPlots);
    }

    /** A file-name stem for the experiment: lower case letters, digits and dashes, unique within the report. */
    private static String stem(String name, Set<String> taken) {
        String base =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "experiment";
        }
        String stem = base;
        for (int i = 2; !taken.add(stem); i++) {
            stem = base + "-" + i;
        }
        return stem;
    }

    private static void experiment(List<Block> b, ExperimentSummary s, List<Plots.Plot> plots) {
        b.add(new Heading(2, "Experiment " + s.name()));
        b.add(new Paragraph(
                String.format(Locale.ROOT, "%d calls from %d units.", s.calls(), s.units())
                        + (s.callsWithOtherArm() > 0
                                ? " " + s.callsWithOtherArm() + " calls name neither LOCAL nor REMOTE as their arm"
                                        + " and are left out."
                                : ""),
                false));

        b.add(new Heading(3, "Sample ratio"));
        SampleRatioCheck srm = s.sampleRatio();
        if (Double.isNaN(srm.pValue())) {
            b.add(new Paragraph("Not checked: no units, or a record without remote_share.", false));
        } else {
            b.add(new Paragraph(
                    String.format(
                            Locale.ROOT,
                            "Units by the arm of their first call: LOCAL %d, REMOTE %d. REMOTE share %s observed"
                                    + " against %s expected; chi-square %.2f (1 degree of freedom), p = %s.",
                            srm.localUnits(),
                            srm.remoteUnits(),
                            pct(srm.observedRemoteShare()),
                            pct(srm.expectedRemoteShare()),
                            srm.chiSquare(),
                            pValue(srm.pValue())),
                    false));
            if (srm.mismatch()) {
                b.add(new Paragraph(
                        "SAMPLE RATIO MISMATCH (p < 0.001): units do not reach the arms in the configured"
                                + " proportion, so the assignment or the logging is broken and every comparison"
                                + " below is suspect.",
                        true));
            } else {
                b.add(new Paragraph("No sample ratio mismatch (p >= 0.001).", false));
            }
        }
        if (srm.unitsInBothArms() > 0 || srm.shareChanged()) {
            b.add(new Paragraph(
                    srm.unitsInBothArms() + " units have calls in both arms"
                            + (srm.shareChanged() ? "; remote_share changed during the experiment." : "."),
                    true));
        }

        b.add(new Heading(3, "Arms"));
        b.add(armTable(s.local(), s.remote()));

        b.add(new Heading(3, "REMOTE minus LOCAL (cluster bootstrap over units)"));
        b.add(new Table(
                List.of("", "difference", "95% interval"),
                List.of(
                        List.of(
                                "median latency (ms)",
                                signed(s.latencyMedianDifference().value(), "%.1f"),
                                interval(s.latencyMedianDifference(), v -> signed(v, "%.1f"))),
                        List.of(
                                "error rate (percentage points)",
                                signed(s.errorRateDifference().value() * 100, "%.2f"),
                                interval(s.errorRateDifference(), v -> signed(v * 100, "%.2f"))))));

        b.add(new Heading(3, "Shadow runs"));
        ShadowSummary ls = s.localServed();
        ShadowSummary rs = s.remoteServed();
        if (ls.pairs() + rs.pairs() + s.shadowsNotPaired() == 0) {
            b.add(new Paragraph("No shadow runs.", false));
        } else {
            b.add(new Paragraph(
                    "Each shadow run repeats a served call on the other arm; its answer is never returned."
                            + " Differences are shadow minus served, over the pairs in which both calls succeeded"
                            + " (median, cluster bootstrap over units)."
                            + (s.shadowsNotPaired() > 0
                                    ? " " + s.shadowsNotPaired() + " shadow runs are left out: refused, or on the"
                                            + " same side as the served call."
                                    : ""),
                    false));
            b.add(shadowTable(ls, rs));
        }

        b.add(new Heading(3, "Plots"));
        for (Plots.Plot p : plots) {
            b.add(new Figure(p));
        }
    }

    private static Table armTable(ArmSummary l, ArmSummary r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("units", l, r, a -> Integer.toString(a.units())));
        rows.add(row("calls", l, r, a -> Integer.toString(a.calls())));
        for (Route route : Route.values()) {
            if (l.routeCounts().containsKey(route) || r.routeCounts().containsKey(route)) {
                rows.add(row("served " + route, l, r, a -> pct(a.routeShare(route))));
            }
        }
        rows.add(row("overrides", l, r, a -> a.overrides() + reasons(a.overrideReasons())));
        rows.add(row(
                "errors (rate, 95% Wilson)",
                l,
                r,
                a -> a.errors() + " (" + pct(a.errorRate().value()) + ", "
                        + interval(a.errorRate(), ReportDocument::pct) + ")"));
        rows.add(row(
                "latency p50 ms (95% interval)",
                l, r, a -> ms(a.p50()) + " " + interval(a.medianLatency(), ReportDocument::ms)));
        rows.add(row("latency p90 ms", l, r, a -> ms(a.p90())));
        rows.add(row("latency p99 ms", l, r, a -> ms(a.p99())));
        rows.add(row("completion tokens, mean", l, r, a -> fixed(a.meanCompletionTokens(), "%.1f")));
        rows.add(row("tokens per second, median", l, r, a -> fixed(a.medianTokensPerSecond(), "%.1f")));
        return new Table(List.of("", "LOCAL", "REMOTE"), rows);
    }

    private static Table shadowTable(ShadowSummary ls, ShadowSummary rs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pairs", Integer.toString(ls.pairs()), Integer.toString(rs.pairs())));
        rows.add(List.of(
                "both succeeded", Integer.toString(ls.comparablePairs()), Integer.toString(rs.comparablePairs())));
        Function<ShadowSummary, String> diff = d -> signed(d.latencyDifference().value(), "%.1f") + " "
                + interval(d.latencyDifference(), v -> signed(v, "%.1f"));
        rows.add(List.of("latency shadow minus served, median ms (95% interval)", diff.apply(ls), diff.apply(rs)));
        Function<ShadowSummary, String> errors = d -> d.shadowErrors() + " ("
                + pct(d.shadowErrorRate().value()) + ", " + interval(d.shadowErrorRate(), ReportDocument::pct) + ")";
        rows.add(List.of("shadow errors (rate, 95% Wilson)", errors.apply(ls), errors.apply(rs)));
        rows.add(List.of(
                "completion tokens, shadow / served",
                fixed(ls.completionTokenRatio(), "%.2f"),
                fixed(rs.completionTokenRatio(), "%.2f")));
        return new Table(List.of("", "served LOCAL, shadow REMOTE", "served REMOTE, shadow LOCAL"), rows);
    }

    private static List<String> row(String label, ArmSummary l, ArmSummary r, Function<ArmSummary, String> f) {
        return List.of(label, l.calls() == 0 ? "-" : f.apply(l), r.calls() == 0 ? "-" : f.apply(r));
    }

    private static String reasons(Map<String, Integer> reasons) {
        if (reasons.isEmpty()) {
            return "";
        }
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, Integer> e : reasons.entrySet()) {
            if (top.size() == 3) {
                top.add("...");
                break;
            }
            top.add(e.getKey() + " " + e.getValue());
        }
        return " (" + String.join(", ", top) + ")";
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String ms(double v) {
        return fixed(v, "%.1f");
    }

    static String fixed(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    static String signed(double v, String format) {
        return Double.isNaN(v) ? "-" : (v > 0 ? "+" : "") + String.format(Locale.ROOT, format, v);
    }

    static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String interval(Estimate e, Function<Double, String> format) {
        return e.hasInterval() ? "[" + format.apply(e.low()) + ", " + format.apply(e.high()) + "]" : "[-]";
    }

    /** The report as GitHub-flavoured Markdown. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder(4096);
        Block previous = null;
        for (Block block : blocks) {
            if (previous instanceof Figure && !(block instanceof Figure)) {
                sb.append('\n');
            }
            if (block instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Paragraph p) {
                sb.append(p.warning() ? "**" + p.text() + "**" : p.text()).append("\n\n");
            } else if (block instanceof Table t) {
                sb.append(mdRow(t.header()));
                sb.append("|---".repeat(t.header().size())).append("|\n");
                t.rows().forEach(r -> sb.append(mdRow(r)));
                sb.append('\n');
            } else if (block instanceof Figure f) {
                Plots.Plot p = f.plot();
                if (p.drawn()) {
                    sb.append("- `")
                            .append(p.name())
                            .append(".svg`: ")
                            .append(p.caption())
                            .append('\n');
                } else {
                    sb.append("- ")
                            .append(p.title())
                            .append(": omitted, ")
                            .append(p.omitted())
                            .append(".\n");
                }
            }
            previous = block;
        }
        return sb.toString().stripTrailing() + "\n";
    }

    private static String mdRow(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        return sb.append('\n').toString();
    }

    /** The report as one self-contained HTML page with the plots inline (no scripts, no external resources). */
    public String toHtml() {
        StringBuilder sb = new StringBuilder(65536);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>Experiment report</title>\n<style>\n")
                .append("body { font-family: Helvetica, Arial, sans-serif; max-width: 60rem; margin: 2rem auto;")
                .append(" padding: 0 1rem; color: #222; }\n")
                .append("table { border-collapse: collapse; margin: 0.5rem 0 1rem; }\n")
                .append("th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: right; }\n")
                .append("td:first-child, th:first-child { text-align: left; }\n")
                .append(".warning { color: #b2182b; font-weight: bold; }\n")
                .append("figure { margin: 1rem 0; } figcaption { font-size: 0.9rem; color: #555; }\n")
                .append("</style>\n</head>\n<body>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(Svg.escape(h.text()));
                sb.append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                sb.append(p.warning() ? "<p class=\"warning\">" : "<p>").append(Svg.escape(p.text()));
                sb.append("</p>\n");
            } else if (block instanceof Table t) {
                sb.append("<table>\n<tr>");
                t.header().forEach(c -> sb.append("<th>").append(Svg.escape(c)).append("</th>"));
                sb.append("</tr>\n");
                for (List<String> r : t.rows()) {
                    sb.append("<tr>");
                    r.forEach(c -> sb.append("<td>").append(Svg.escape(c)).append("</td>"));
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            } else if (block instanceof Figure f) {
                Plots.Plot p = f.plot();
                if (p.drawn()) {
                    sb.append("<figure id=\"").append(p.name()).append("\">\n").append(p.svg());
                    sb.append("<figcaption>").append(Svg.escape(p.caption())).append("</figcaption>\n</figure>\n");
                } else {
                    sb.append("<p>").append(Svg.escape(p.title() + ": omitted, " + p.omitted() + "."));
                    sb.append("</p>\n");
                }
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }
}
