package io.hybridllm.core.experiment;

import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.experiment.internal.Estimate;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ArmSummary;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ExperimentSummary;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.SampleRatioCheck;
import io.hybridllm.core.experiment.internal.ExperimentAnalysis.ShadowSummary;
import io.hybridllm.core.experiment.internal.Plots;
import io.hybridllm.core.experiment.internal.ReportDocument;
import io.hybridllm.core.experiment.internal.Stats;
import io.hybridllm.core.routing.Route;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The analysis of an experiment log: per experiment and arm, how many units and calls, which routes served them, the
 * overrides and errors, latency percentiles and tokens; REMOTE minus LOCAL differences; a sample-ratio check; and
 * the shadow runs. Error rates carry 95% Wilson intervals; medians and differences carry 95% percentile intervals
 * of a cluster bootstrap over units (a unit's calls are correlated because its arm is sticky). Latency statistics
 * are over successful calls. The numbers are deterministic for the same records, seed and number of resamples.
 *
 * <pre>{@code
 * ExperimentReport report = ExperimentReport.read(Path.of("experiment.jsonl"));
 * System.out.print(report.toMarkdown());
 * report.writeHtml(Path.of("report"));   // report/report.html and one SVG per plot
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExperimentReport {
    /** The bootstrap seed unless one is given. */
    public static final long DEFAULT_SEED = 1;
    /** The number of bootstrap resamples unless one is given. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private final List<Summary> experiments;
    private final long seed;
    private final int resamples;
    private final ReportDocument document;

    private ExperimentReport(List<ExperimentSummary> summaries, long seed, int resamples) {
        List<Summary> out = new ArrayList<>();
        for (ExperimentSummary s : summaries) {
            out.add(new Summary(s));
        }
        this.experiments = List.copyOf(out);
        this.seed = seed;
        this.resamples = resamples;
        this.document = ReportDocument.of(summaries, seed, resamples);
    }

    /** The report of {@code records} (of one or more experiments), with the default seed and resamples. */
    public static ExperimentReport of(List<ExperimentRecord> records) {
        return of(records, DEFAULT_SEED, DEFAULT_RESAMPLES);
    }

    /**
     * The report of {@code records} (of one or more experiments).
     *
     * @param seed the seed of the bootstrap
     * @param resamples the number of bootstrap resamples, at least 1
     * @throws IllegalArgumentException if {@code resamples < 1}
     */
    public static ExperimentReport of(List<ExperimentRecord> records, long seed, int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        Map<String, List<ExperimentRecord>> byName = new TreeMap<>();
        for (ExperimentRecord r : records) {
            byName.computeIfAbsent(r.experiment(), n -> new ArrayList<>()).add(r);
        }
        List<ExperimentSummary> summaries = new ArrayList<>();
        byName.forEach((name, rs) -> summaries.add(ExperimentAnalysis.analyse(name, rs, seed, resamples)));
        return new ExperimentReport(summaries, seed, resamples);
    }

    /** Reads a log (one {@link ExperimentRecord#toJson()} a line) and reports on it with the default settings. */
    public static ExperimentReport read(Path jsonl) {
        return read(jsonl, DEFAULT_SEED, DEFAULT_RESAMPLES);
    }

    /**
     * Reads a log (one {@link ExperimentRecord#toJson()} a line; blank lines are skipped) and reports on it.
     *
     * @throws ConfigurationException if the file cannot be read, or naming the file and line of a malformed record
     * @throws IllegalArgumentException if {@code resamples < 1}
     */
    public static ExperimentReport read(Path jsonl, long seed, int resamples) {
        List<ExperimentRecord> records = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(ExperimentRecord.fromJson(line));
                } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
                    throw new ConfigurationException(
                            jsonl + ":" + n + ": not an experiment record: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read experiment log " + jsonl, e);
        }
        return of(records, seed, resamples);
    }

    /** One summary per experiment name, sorted by name; empty for no records. */
    public List<Summary> experiments() {
        return experiments;
    }

    /** The summary of the experiment called {@code name}, if the records had any. */
    public Optional<Summary> experiment(String name) {
        return experiments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The seed of the bootstrap. */
    public long seed() {
        return seed;
    }

    /** The number of bootstrap resamples. */
    public int resamples() {
        return resamples;
    }

    /** The report as Markdown text: the tables of every experiment, and a line per plot (or why it is omitted). */
    public String toMarkdown() {
        return document.toMarkdown();
    }

    /**
     * Writes {@code dir/report.html} (one self-contained page with the plots inline as SVG, no scripts and no
     * external resources) and each plot as {@code dir/<experiment>-<plot>.svg}, creating {@code dir} if needed.
     * Plots without data are not written; the report says why.
     *
     * @return the written files, {@code report.html} first
     * @throws ConfigurationException if a file cannot be written
     */
    public List<Path> writeHtml(Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve("report.html");
            Files.writeString(html, document.toHtml(), StandardCharsets.UTF_8);
            written.add(html);
            for (Plots.Plot p : document.plots()) {
                if (p.drawn()) {
                    Path svg = dir.resolve(p.name() + ".svg");
                    Files.writeString(
                            svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + p.svg(), StandardCharsets.UTF_8);
                    written.add(svg);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot write the experiment report to " + dir, e);
        }
        return List.copyOf(written);
    }

    @Override
    public String toString() {
        return "ExperimentReport{experiments="
                + experiments.stream().map(Summary::name).toList()
                + ", seed="
                + seed
                + ", resamples="
                + resamples
                + "}";
    }

    /** A 95% interval around a point estimate; the bounds are NaN when they could not be computed. */
    public static final class Interval {
        private final Estimate e;

        private Interval(Estimate e) {
            this.e = e;
        }

        /** The point estimate (NaN if unknown). */
        public double estimate() {
            return e.value();
        }

        public double low() {
            return e.low();
        }

        public double high() {
            return e.high();
        }

        /** Whether {@code low() <= value <= high()}; false when the bounds are unknown. */
        public boolean contains(double value) {
            return e.hasInterval() && e.low() <= value && value <= e.high();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Interval i && e.equals(i.e);
        }

        @Override
        public int hashCode() {
            return e.hashCode();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s [%s, %s]", e.value(), e.low(), e.high());
        }
    }

    /** What the report says about one experiment. */
    public static final class Summary {
        private final ExperimentSummary s;

        private Summary(ExperimentSummary s) {
            this.s = s;
        }

        public String name() {
            return s.name();
        }

        /** All calls (records) of the experiment. */
        public int calls() {
            return s.calls();
        }

        /** Distinct units of the experiment. */
        public int units() {
            return s.units();
        }

        /**
         * The statistics of one arm.
         *
         * @param arm {@link Route#LOCAL} or {@link Route#REMOTE}
         * @throws IllegalArgumentException for another route
         */
        public Arm arm(Route arm) {
            return new Arm(s.arm(requireArm(arm)));
        }

        /** REMOTE minus LOCAL in median latency (ms) of successful calls, with a cluster-bootstrap interval. */
        public Interval latencyMedianDifference() {
            return new Interval(s.latencyMedianDifference());
        }

        /** REMOTE minus LOCAL in error rate (a fraction), with a cluster-bootstrap interval. */
        public Interval errorRateDifference() {
            return new Interval(s.errorRateDifference());
        }

        /** Whether units reached the arms in the configured proportion. */
        public SampleRatio sampleRatio() {
            return new SampleRatio(s.sampleRatio());
        }

        /**
         * The shadow runs of calls served on one side.
         *
         * @param served {@link Route#LOCAL} (shadows on REMOTE) or {@link Route#REMOTE} (shadows on LOCAL)
         * @throws IllegalArgumentException for another route
         */
        public ShadowPairs shadowPairs(Route served) {
            return new ShadowPairs(s.shadowServed(requireArm(served)));
        }

        @Override
        public String toString() {
            return "Summary{" + s.name() + ", calls=" + s.calls() + ", units=" + s.units() + "}";
        }
    }

    private static Route requireArm(Route arm) {
        if (Objects.requireNonNull(arm, "arm == null") != Route.LOCAL && arm != Route.REMOTE) {
            throw new IllegalArgumentException("an arm is LOCAL or REMOTE, not " + arm);
        }
        return arm;
    }

    /** The calls of one arm (grouped by the arm the unit was assigned, whatever route served them). */
    public static final class Arm {
        private final ArmSummary a;

        private Arm(ArmSummary a) {
            this.a = a;
        }

        public Route arm() {
            return a.arm();
        }

        /** Distinct units with calls in this arm. */
        public int units() {
            return a.units();
        }

        public int calls() {
            return a.calls();
        }

        /** The share of this arm's calls served by {@code route}; NaN without calls. */
        public double routeShare(Route route) {
            return a.routeShare(route);
        }

        /** Calls that did not follow the arm (privacy, capability, unavailable backend). */
        public int overrides() {
            return a.overrides();
        }

        /** Override reasons with their counts, most common first. */
        public Map<String, Integer> overrideReasons() {
            return a.overrideReasons();
        }

        /** Failed calls. */
        public int errors() {
            return a.errors();
        }

        /** The share of failed calls, with a 95% Wilson interval (calls taken as independent). */
        public Interval errorRate() {
            return new Interval(a.errorRate());
        }

        /** Median latency (ms) of successful calls, with a cluster-bootstrap interval. */
        public Interval medianLatency() {
            return new Interval(a.medianLatency());
        }

        /**
         * A latency percentile (ms) of successful calls, interpolated linearly between order statistics; NaN without
         * successful calls.
         *
         * @param q between 0 and 1, e.g. 0.9
         */
        public double latencyQuantile(double q) {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("q must be in [0, 1], was " + q);
            }
            return Stats.quantileSorted(a.sortedLatencies(), a.sortedLatencies().length, q);
        }

        /** Mean completion tokens of successful calls that report them; NaN if none do. */
        public double meanCompletionTokens() {
            return a.meanCompletionTokens();
        }

        /** Median of completion tokens per second of latency over successful calls that report tokens. */
        public double medianTokensPerSecond() {
            return a.medianTokensPerSecond();
        }

        @Override
        public String toString() {
            return "Arm{" + a.arm() + ", units=" + a.units() + ", calls=" + a.calls() + "}";
        }
    }

    /**
     * The sample-ratio check: each unit counted once, in the arm of its first call, against the {@code remote_share}
     * its calls carried; chi-square test with one degree of freedom.
     */
    public static final class SampleRatio {
        private final SampleRatioCheck c;

        private SampleRatio(SampleRatioCheck c) {
            this.c = c;
        }

        public int localUnits() {
            return c.localUnits();
        }

        public int remoteUnits() {
            return c.remoteUnits();
        }

        public double observedRemoteShare() {
            return c.observedRemoteShare();
        }

        public double expectedRemoteShare() {
            return c.expectedRemoteShare();
        }

        public double chiSquare() {
            return c.chiSquare();
        }

        /** NaN when the check could not be made (no units, or no {@code remote_share}). */
        public double pValue() {
            return c.pValue();
        }

        /** Whether {@code pValue() < 0.001}: the assignment is broken and the other numbers are suspect. */
        public boolean mismatch() {
            return c.mismatch();
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "SampleRatio{local=%d, remote=%d, expectedRemoteShare=%s, p=%s}",
                    c.localUnits(),
                    c.remoteUnits(),
                    c.expectedRemoteShare(),
                    c.pValue());
        }
    }

    /** Calls served on one side with a shadow run of the same request on the other side. */
    public static final class ShadowPairs {
        private final ShadowSummary s;

        private ShadowPairs(ShadowSummary s) {
            this.s = s;
        }

        /** The side that served the calls. */
        public Route served() {
            return s.served();
        }

        /** The side the shadows ran on. */
        public Route shadow() {
            return s.shadow();
        }

        /** Calls with a shadow run in this direction. */
        public int pairs() {
            return s.pairs();
        }

        /** Pairs in which both calls succeeded; the latency difference and token ratio are over these. */
        public int comparablePairs() {
            return s.comparablePairs();
        }

        /** Median of shadow minus served latency (ms), with a cluster-bootstrap interval. */
        public Interval latencyDifference() {
            return new Interval(s.latencyDifference());
        }

        public int shadowErrors() {
            return s.shadowErrors();
        }

        /** The share of failed shadow runs, with a 95% Wilson interval. */
        public Interval shadowErrorRate() {
            return new Interval(s.shadowErrorRate());
        }

        /** Total completion tokens of the shadows over those of the served calls; NaN if unknown. */
        public double completionTokenRatio() {
            return s.completionTokenRatio();
        }

        @Override
        public String toString() {
            return "ShadowPairs{served=" + s.served() + ", pairs=" + s.pairs() + "}";
        }
    }
}
