package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.experiment.ExperimentRecord;
import io.hybridllm.core.routing.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment report} end to end on a log written by the test. */
class ExperimentCommandsTest {
    /** 20 units, alternating arms, 3 calls each, every other call with a shadow run on the other side. */
    private static Path log(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        Instant t0 = Instant.parse("2025-03-01T12:00:00Z");
        for (int i = 0; i < 20; i++) {
            Route arm = i % 2 == 0 ? Route.LOCAL : Route.REMOTE;
            Route other = arm == Route.LOCAL ? Route.REMOTE : Route.LOCAL;
            for (int j = 0; j < 3; j++) {
                double latency = (arm == Route.LOCAL ? 80 : 400) + 11 * i + 7 * j;
                ExperimentRecord.Builder b = ExperimentRecord.builder()
                        .timestamp(t0.plusSeconds(60L * i + j))
                        .experiment("cli-demo")
                        .unit(String.format(Locale.ROOT, "%016x", 1000L + i))
                        .bucket(i)
                        .remoteShare(0.5)
                        .arm(arm)
                        .route(arm)
                        .latencyMillis(latency)
                        .completionTokens(30 + j);
                if (j % 2 == 0) {
                    b.shadow(ExperimentRecord.Shadow.of(other, latency * 2, 40, null));
                }
                lines.add(b.build().toJson());
            }
        }
        Path f = dir.resolve("experiment.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void report_printsTheSummary_andWritesHtmlAndSvgsWithOut(@TempDir Path dir) throws Exception {
        Path log = log(dir);
        Path out = dir.resolve("report");

        CliRun run = CliRun.of(
                "experiment", "report", log.toString(), "--out", out.toString(), "--seed", "3", "--resamples", "200");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out)
                .contains("# Experiment report", "## Experiment cli-demo", "200 resamples, seed 3")
                .contains("cluster bootstrap over units", "| calls | 30 | 30 |");
        Path html = out.resolve("report.html");
        assertThat(html).exists();
        assertThat(run.out).contains("wrote " + html);
        for (String plot : List.of("latency-ecdf", "errors-overrides", "shadow-pairs")) {
            Path svg = out.resolve("cli-demo-" + plot + ".svg");
            assertThat(svg).exists();
            assertThat(run.out).contains("wrote " + svg);
            assertThat(Files.readString(html)).contains("<figure id=\"cli-demo-" + plot + "\">");
        }
    }

    @Test
    void report_withoutOut_onlyPrints(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("experiment", "report", log(dir).toString(), "--resamples", "50");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("# Experiment report").doesNotContain("wrote ");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void report_failsWithExitCode1_onAMissingOrMalformedLog(@TempDir Path dir) throws Exception {
        CliRun missing =
                CliRun.of("experiment", "report", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.err).contains("nope.jsonl");
        assertThat(missing.out).isEmpty();

        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, List.of(Files.readAllLines(log(dir)).get(0), "{\"ts\": 1}"), StandardCharsets.UTF_8);
        CliRun malformed = CliRun.of("experiment", "report", bad.toString());
        assertThat(malformed.exitCode).isEqualTo(1);
        assertThat(malformed.err).contains("bad.jsonl:2");

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n");
        CliRun none = CliRun.of("experiment", "report", empty.toString());
        assertThat(none.exitCode).isEqualTo(1);
        assertThat(none.err).contains("no records");
    }
}
