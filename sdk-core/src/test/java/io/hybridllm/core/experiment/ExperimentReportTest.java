package io.hybridllm.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.routing.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The experiment report on synthetic logs whose statistics the tests compute on their own. */
class ExperimentReportTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final double Z = 1.959963984540054;

    private static String unit(int i) {
        return String.format(Locale.ROOT, "%016x", 0x9e3779b97f4a7c15L * (i + 1));
    }

    private static ExperimentRecord.Builder call(String experiment, int unit, int call, Route arm, double latency) {
        return ExperimentRecord.builder()
                .timestamp(T0.plusSeconds(unit * 100L + call))
                .experiment(experiment)
                .unit(unit(unit))
                .bucket(unit)
                .remoteShare(0.5)
                .arm(arm)
                .route(arm)
                .latencyMillis(latency);
    }

    /**
     * 40 units, even ones LOCAL and odd ones REMOTE, 1 to 4 calls each; latencies from a formula, some calls failing,
     * some overridden to the other side, tokens known on most calls.
     */
    private static List<ExperimentRecord> log() {
        List<ExperimentRecord> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Route arm = i % 2 == 0 ? Route.LOCAL : Route.REMOTE;
            for (int j = 0; j < 1 + i % 4; j++) {
                double latency = arm == Route.LOCAL ? 100 + 10 * i + j : 300 + 5 * i + 3 * j;
                ExperimentRecord.Builder b = call("exp", i, j, arm, latency).completionTokens(j == 3 ? -1 : 20 + 5 * j);
                if ((i + j) % 7 == 0) {
                    b.error("RequestTimeoutException");
                }
                if (arm == Route.LOCAL && i % 10 == 0 && j == 0) {
                    b.override("privacy").route(Route.REMOTE_REDACTED);
                }
                if (arm == Route.REMOTE && i % 10 == 3) {
                    b.override(j == 0 ? "capability" : "unavailable").route(Route.LOCAL);
                }
                out.add(b.build());
            }
        }
        return out;
    }

    /** The R-7 quantile, written out here so the test does not lean on the code under test. */
    private static double quantile(List<Double> values, double p) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (s.length - 1) * p;
        int lo = (int) h;
        return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    }

    @Test
    void arms_countUnitsCallsRoutesOverridesErrorsAndPercentiles_asComputedFromTheLog() {
        List<ExperimentRecord> log = log();
        ExperimentReport.Summary s = ExperimentReport.of(log).experiment("exp").orElseThrow();

        assertThat(s.calls()).isEqualTo(log.size());
        assertThat(s.units()).isEqualTo(40);
        for (Route arm : List.of(Route.LOCAL, Route.REMOTE)) {
            List<ExperimentRecord> calls =
                    log.stream().filter(r -> r.arm() == arm).toList();
            List<ExperimentRecord> ok =
                    calls.stream().filter(r -> r.error().isEmpty()).toList();
            List<Double> latencies =
                    ok.stream().map(ExperimentRecord::latencyMillis).toList();
            ExperimentReport.Arm a = s.arm(arm);

            assertThat(a.units())
                    .isEqualTo(calls.stream()
                            .map(ExperimentRecord::unit)
                            .distinct()
                            .count());
            assertThat(a.calls()).isEqualTo(calls.size());
            for (Route route : Route.values()) {
                long served = calls.stream().filter(r -> r.route() == route).count();
                assertThat(a.routeShare(route)).isCloseTo((double) served / calls.size(), within(1e-12));
            }
            assertThat(a.overrides())
                    .isEqualTo(
                            calls.stream().filter(r -> r.override().isPresent()).count());
            assertThat(a.errors()).isEqualTo(calls.size() - ok.size());
            assertThat(a.errorRate().estimate())
                    .isCloseTo((double) (calls.size() - ok.size()) / calls.size(), within(1e-12));
            for (double q : new double[] {0.5, 0.9, 0.99}) {
                assertThat(a.latencyQuantile(q))
                        .as("p%s of %s", q, arm)
                        .isCloseTo(quantile(latencies, q), within(1e-9));
            }
            assertThat(a.medianLatency().estimate()).isEqualTo(a.latencyQuantile(0.5));
            assertThat(a.medianLatency().contains(a.latencyQuantile(0.5))).isTrue();
            List<ExperimentRecord> withTokens =
                    ok.stream().filter(r -> r.completionTokens() >= 0).toList();
            assertThat(a.meanCompletionTokens())
                    .isCloseTo(
                            withTokens.stream()
                                    .mapToInt(ExperimentRecord::completionTokens)
                                    .average()
                                    .orElseThrow(),
                            within(1e-9));
            List<Double> tps = withTokens.stream()
                    .map(r -> r.completionTokens() * 1000.0 / r.latencyMillis())
                    .toList();
            assertThat(a.medianTokensPerSecond()).isCloseTo(quantile(tps, 0.5), within(1e-9));
        }
        // REMOTE units 3, 13, 23, 33 are overridden: the first call for capability, the others for unavailable.
        assertThat(s.arm(Route.REMOTE).overrideReasons().keySet()).containsExactly("unavailable", "capability");
        assertThat(s.arm(Route.LOCAL).overrideReasons()).containsOnlyKeys("privacy");
    }

    @Test
    void errorRate_isTheWilsonInterval_handComputed() {
        // 1 failure in 10 calls: the 95% Wilson interval is [0.0179, 0.4042] (e.g. Newcombe 1998, table I);
        // no failure in 10 calls: [0, 0.2775].
        List<ExperimentRecord> log = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            log.add(call("exp", 0, j, Route.LOCAL, 100)
                    .error(j == 0 ? "BackendUnavailableException" : null)
                    .build());
            log.add(call("exp", 1, j, Route.REMOTE, 100).build());
        }
        ExperimentReport.Summary s = ExperimentReport.of(log).experiments().get(0);

        ExperimentReport.Interval one = s.arm(Route.LOCAL).errorRate();
        assertThat(one.estimate()).isEqualTo(0.1);
        assertThat(one.low()).isCloseTo(0.0179, within(1e-4));
        assertThat(one.high()).isCloseTo(0.4042, within(1e-4));
        ExperimentReport.Interval none = s.arm(Route.REMOTE).errorRate();
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        // And from the formula: centre (p + z^2/2n) / (1 + z^2/n), half-width z/(1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2).
        double centre = (0.1 + Z * Z / 20) / (1 + Z * Z / 10);
        double half = Z / (1 + Z * Z / 10) * Math.sqrt(0.09 / 10 + Z * Z / 400);
        assertThat(one.low()).isCloseTo(centre - half, within(1e-12));
        assertThat(one.high()).isCloseTo(centre + half, within(1e-12));
    }

    /** 200 units, 10 calls each; REMOTE is LOCAL shifted by 100 ms and fails 15% of calls against 5%. */
    private static List<ExperimentRecord> shiftedLog() {
        Random random = new Random(42);
        List<ExperimentRecord> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Route arm = i % 2 == 0 ? Route.LOCAL : Route.REMOTE;
            double unitEffect = random.nextDouble() * 200;
            for (int j = 0; j < 10; j++) {
                double latency = 200 + unitEffect + random.nextDouble() * 100 + (arm == Route.REMOTE ? 100 : 0);
                boolean fails = random.nextDouble() < (arm == Route.REMOTE ? 0.15 : 0.05);
                out.add(call("shift", i, j, arm, latency)
                        .error(fails ? "ServerErrorException" : null)
                        .build());
            }
        }
        return out;
    }

    @Test
    void differences_clusterBootstrapIntervalsContainTheTrueDifference_andAreReproducible() {
        List<ExperimentRecord> log = shiftedLog();
        ExperimentReport.Summary s = ExperimentReport.of(log).experiments().get(0);

        assertThat(s.latencyMedianDifference().contains(100))
                .as("%s", s.latencyMedianDifference())
                .isTrue();
        assertThat(s.latencyMedianDifference().low()).isPositive();
        assertThat(s.errorRateDifference().contains(0.10))
                .as("%s", s.errorRateDifference())
                .isTrue();
        double observed = s.arm(Route.REMOTE).errorRate().estimate()
                - s.arm(Route.LOCAL).errorRate().estimate();
        assertThat(s.errorRateDifference().estimate()).isCloseTo(observed, within(1e-12));
        assertThat(s.latencyMedianDifference().estimate())
                .isCloseTo(
                        s.arm(Route.REMOTE).latencyQuantile(0.5)
                                - s.arm(Route.LOCAL).latencyQuantile(0.5),
                        within(1e-9));

        ExperimentReport again = ExperimentReport.of(log, 1, 2000);
        assertThat(again.experiments().get(0).latencyMedianDifference()).isEqualTo(s.latencyMedianDifference());
        assertThat(again.experiments().get(0).errorRateDifference()).isEqualTo(s.errorRateDifference());
        ExperimentReport otherSeed = ExperimentReport.of(log, 2, 2000);
        assertThat(otherSeed.experiments().get(0).latencyMedianDifference()).isNotEqualTo(s.latencyMedianDifference());
    }

    @Test
    void report_doesNotDependOnTheOrderOfTheRecords() {
        List<ExperimentRecord> log = new ArrayList<>(shiftedLog());
        String markdown = ExperimentReport.of(log).toMarkdown();
        Collections.shuffle(log, new Random(7));
        assertThat(ExperimentReport.of(log).toMarkdown()).isEqualTo(markdown);
    }

    private static List<ExperimentRecord> split(int remoteUnits, int units, double share) {
        List<ExperimentRecord> out = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            Route arm = i < remoteUnits ? Route.REMOTE : Route.LOCAL;
            out.add(call("srm", i, 0, arm, 100).remoteShare(share).build());
            out.add(call("srm", i, 1, arm, 120).remoteShare(share).build());
        }
        return out;
    }

    @Test
    void sampleRatio_flagsA90To10SplitOfUnits_whenHalfShouldBeRemote() {
        ExperimentReport.SampleRatio srm =
                ExperimentReport.of(split(36, 40, 0.5)).experiments().get(0).sampleRatio();

        assertThat(srm.remoteUnits()).isEqualTo(36);
        assertThat(srm.localUnits()).isEqualTo(4);
        assertThat(srm.observedRemoteShare()).isEqualTo(0.9);
        assertThat(srm.expectedRemoteShare()).isEqualTo(0.5);
        // (36 - 20)^2 / 20 + (4 - 20)^2 / 20
        assertThat(srm.chiSquare()).isCloseTo(25.6, within(1e-9));
        assertThat(srm.pValue()).isLessThan(0.001);
        assertThat(srm.mismatch()).isTrue();
        assertThat(ExperimentReport.of(split(36, 40, 0.5)).toMarkdown()).contains("SAMPLE RATIO MISMATCH");
    }

    @Test
    void sampleRatio_doesNotFlagASplitThatMatchesTheShare() {
        ExperimentReport.SampleRatio even =
                ExperimentReport.of(split(20, 40, 0.5)).experiments().get(0).sampleRatio();
        assertThat(even.chiSquare()).isZero();
        assertThat(even.pValue()).isEqualTo(1.0);
        assertThat(even.mismatch()).isFalse();

        ExperimentReport.SampleRatio tenth =
                ExperimentReport.of(split(4, 40, 0.1)).experiments().get(0).sampleRatio();
        assertThat(tenth.mismatch()).isFalse();
        assertThat(ExperimentReport.of(split(4, 40, 0.1)).toMarkdown()).doesNotContain("MISMATCH (");
    }

    /** 20 units; each call served on its arm gets a shadow on the other side, 50 ms slower, with twice the tokens. */
    private static List<ExperimentRecord> shadowLog() {
        List<ExperimentRecord> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Route arm = i % 2 == 0 ? Route.LOCAL : Route.REMOTE;
            Route other = arm == Route.LOCAL ? Route.REMOTE : Route.LOCAL;
            for (int j = 0; j < 3; j++) {
                double latency = 100 + 20 * i + j;
                String shadowError = j == 2 && i % 4 == 0 ? "RequestTimeoutException" : null;
                out.add(call("shadowed", i, j, arm, latency)
                        .completionTokens(10)
                        .shadow(ExperimentRecord.Shadow.of(other, latency + 50, 20, shadowError))
                        .build());
            }
        }
        return out;
    }

    @Test
    void shadowPairs_measureShadowMinusServedPerDirection() {
        List<ExperimentRecord> log = shadowLog();
        ExperimentReport.Summary s = ExperimentReport.of(log).experiments().get(0);

        for (Route served : List.of(Route.LOCAL, Route.REMOTE)) {
            ExperimentReport.ShadowPairs p = s.shadowPairs(served);
            long pairs = log.stream().filter(r -> r.route() == served).count();
            long failed = log.stream()
                    .filter(r -> r.route() == served)
                    .filter(r -> r.shadow().orElseThrow().error().isPresent())
                    .count();
            assertThat(p.served()).isEqualTo(served);
            assertThat(p.shadow()).isNotEqualTo(served);
            assertThat(p.pairs()).isEqualTo(pairs);
            assertThat(p.shadowErrors()).isEqualTo(failed);
            assertThat(p.comparablePairs()).isEqualTo(pairs - failed);
            assertThat(p.shadowErrorRate().estimate()).isCloseTo((double) failed / pairs, within(1e-12));
            assertThat(p.latencyDifference().estimate()).isEqualTo(50.0);
            assertThat(p.latencyDifference().contains(50)).isTrue();
            assertThat(p.completionTokenRatio()).isEqualTo(2.0);
        }
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writeHtml_writesEveryPlotAsValidSvg_andInlinesThemInOneSelfContainedPage(@TempDir Path dir) throws Exception {
        List<ExperimentRecord> log = new ArrayList<>(log());
        log.addAll(shadowLog());
        List<Path> written = ExperimentReport.of(log).writeHtml(dir.resolve("out"));

        Path html = dir.resolve("out").resolve("report.html");
        assertThat(written.get(0)).isEqualTo(html);
        List<Path> svgs = written.subList(1, written.size());
        // exp has no shadow runs, so its scatter is omitted: 2 + 3 plots.
        assertThat(svgs.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(
                        "exp-latency-ecdf.svg",
                        "exp-errors-overrides.svg",
                        "shadowed-latency-ecdf.svg",
                        "shadowed-errors-overrides.svg",
                        "shadowed-shadow-pairs.svg");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.collect(Collectors.toSet())).isEqualTo(new HashSet<>(written));
        }
        String page = Files.readString(html);
        for (Path svg : svgs) {
            Document d = parseXml(Files.readString(svg));
            assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(d.getElementsByTagNameNS("*", "text").getLength())
                    .as("labels in %s", svg)
                    .isGreaterThan(5);
            String name = svg.getFileName().toString().replace(".svg", "");
            String title = d.getElementsByTagNameNS("*", "title").item(0).getTextContent();
            assertThat(page).contains("<figure id=\"" + name + "\">").contains(title);
        }
        Document doc = parseXml(page);
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg")
                        .getLength())
                .isEqualTo(svgs.size());
        assertThat(page).doesNotContain("<script", "src=", "href=", "<link", "@import");
        assertThat(page).contains("Shadow pairs, LOCAL vs REMOTE latency: exp: omitted, no shadow runs.");
        assertThat(ExperimentReport.of(log).toMarkdown()).contains("omitted, no shadow runs");
    }

    @Test
    void read_parsesALog_skippingBlankLines(@TempDir Path dir) throws Exception {
        List<ExperimentRecord> log = log();
        List<String> lines = new ArrayList<>();
        for (ExperimentRecord r : log) {
            lines.add(r.toJson());
            lines.add("");
        }
        Path file = dir.resolve("log.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        ExperimentReport read = ExperimentReport.read(file, 3, 100);
        assertThat(read.seed()).isEqualTo(3);
        assertThat(read.resamples()).isEqualTo(100);
        assertThat(read.toMarkdown()).isEqualTo(ExperimentReport.of(log, 3, 100).toMarkdown());
    }

    @Test
    void read_namesFileAndLineOfAMalformedRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.write(
                file,
                List.of(log().get(0).toJson(), "", "{\"ts\":\"2025-01-01T00:00:00Z\",\"experiment\":\"e\"}"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ExperimentReport.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad.jsonl:3");
        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> ExperimentReport.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad.jsonl:1");
        assertThatThrownBy(() -> ExperimentReport.read(dir.resolve("missing.jsonl")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing.jsonl");
    }

    @Test
    void experiments_areReportedSeparately_byName() {
        List<ExperimentRecord> log = new ArrayList<>(shadowLog());
        log.addAll(log());
        ExperimentReport report = ExperimentReport.of(log);

        assertThat(report.experiments().stream().map(ExperimentReport.Summary::name))
                .containsExactly("exp", "shadowed");
        assertThat(report.experiment("exp").orElseThrow().calls()).isEqualTo(log().size());
        assertThat(report.experiment("exp").orElseThrow().toString()).doesNotContain(unit(0));
        assertThat(report.toMarkdown())
                .contains("## Experiment exp", "## Experiment shadowed", "cluster bootstrap over units");
        assertThat(ExperimentReport.of(List.of()).experiments()).isEmpty();
        assertThatThrownBy(() -> ExperimentReport.of(log, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markdown_saysWhatEachNumberIs() {
        String md = ExperimentReport.of(log()).toMarkdown();
        assertThat(md)
                .contains("# Experiment report", "Wilson", "cluster bootstrap over units", "2000 resamples, seed 1")
                .contains("| latency p50 ms (95% interval) |", "| latency p99 ms |", "| tokens per second, median |")
                .contains("### REMOTE minus LOCAL", "### Sample ratio", "### Shadow runs", "No shadow runs.");
        long localOverrides = log().stream()
                .filter(r -> r.arm() == Route.LOCAL && r.override().isPresent())
                .count();
        Set<String> lines = new HashSet<>(Arrays.asList(md.split("\n")));
        assertThat(lines)
                .anyMatch(
                        l -> l.startsWith("| overrides | %d (privacy %d) |".formatted(localOverrides, localOverrides)));
    }
}
