package io.hybridllm.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.routing.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment log line format and the JSONL recorder. */
class ExperimentRecordTest {
    private static ExperimentRecord.Builder record(int i) {
        return ExperimentRecord.builder()
                .timestamp(Instant.parse("2026-11-22T10:15:30.123Z").plusSeconds(i))
                .experiment("local-vs-remote")
                .unit("00ff00ff00ff00ff")
                .bucket(4821)
                .remoteShare(0.25)
                .arm(Route.REMOTE)
                .route(Route.LOCAL)
                .override("privacy")
                .complexity(0.4375)
                .privacy("HIGH")
                .latencyMillis(812.5 + i)
                .promptTokens(42)
                .completionTokens(96);
    }

    @Test
    void json_roundTripsEveryField_withAndWithoutShadow() {
        ExperimentRecord plain = record(0).build();
        ExperimentRecord shadowed = record(1)
                .override("quote \" backslash \\ newline \n tab \t")
                .error("RateLimitedException")
                .shadow(ExperimentRecord.Shadow.of(Route.REMOTE, 640.25, 120, "ServerErrorException"))
                .build();
        for (ExperimentRecord r : List.of(plain, shadowed)) {
            String line = r.toJson();
            assertThat(line).doesNotContain("\n");
            ExperimentRecord back = ExperimentRecord.fromJson(line);
            assertThat(back).isEqualTo(r);
            assertThat(back.toJson()).isEqualTo(line);
        }
        ExperimentRecord back = ExperimentRecord.fromJson(shadowed.toJson());
        assertThat(back.override()).contains("quote \" backslash \\ newline \n tab \t");
        assertThat(back.shadow().orElseThrow().latencyMillis()).isEqualTo(640.25);
        assertThat(back.shadow().orElseThrow().error()).contains("ServerErrorException");
        assertThat(back.timestamp()).isEqualTo(shadowed.timestamp());
        assertThat(ExperimentRecord.fromJson(plain.toJson()).shadow()).isEmpty();
    }

    @Test
    void unknownValues_areNullInJson_andComeBackAsUnknown() {
        ExperimentRecord r = ExperimentRecord.builder()
                .timestamp(Instant.EPOCH)
                .experiment("e")
                .unit("u")
                .remoteShare(0.5)
                .arm(Route.LOCAL)
                .route(Route.REFUSED)
                .latencyMillis(3)
                .build();
        String line = r.toJson();
        assertThat(line).contains("\"complexity\":null", "\"privacy\":null", "\"error\":null", "\"shadow\":null");
        ExperimentRecord back = ExperimentRecord.fromJson(line);
        assertThat(back.complexity()).isNaN();
        assertThat(back.promptTokens()).isEqualTo(-1);
        assertThat(back.privacy()).isEmpty();
    }

    @Test
    void fromJson_namesTheBadField() {
        String good = record(0).build().toJson();
        assertThatThrownBy(() -> ExperimentRecord.fromJson(good.replace("\"arm\":\"REMOTE\"", "\"arm\":\"MARS\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'arm'");
        assertThatThrownBy(() ->
                        ExperimentRecord.fromJson(good.replace("\"latency_ms\":812.5", "\"latency_ms\":\"slow\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'latency_ms'");
        assertThatThrownBy(() -> ExperimentRecord.fromJson("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void jsonlRecorder_appendsOneParseableLinePerRecord_evenFromManyThreads(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("logs/exp.jsonl");
        int threads = 4;
        int perThread = 250;
        try (JsonlExperimentRecorder recorder = JsonlExperimentRecorder.open(log)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int base = t * perThread;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            recorder.record(record(base + i).build());
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(threads * perThread);
        assertThat(lines.stream()
                        .map(ExperimentRecord::fromJson)
                        .map(ExperimentRecord::timestamp)
                        .distinct())
                .hasSize(threads * perThread);

        // Reopening appends.
        try (JsonlExperimentRecorder recorder = JsonlExperimentRecorder.open(log)) {
            recorder.record(record(-1).build());
        }
        assertThat(Files.readAllLines(log)).hasSize(threads * perThread + 1);
    }

    @Test
    void jsonlRecorder_refusesRecordsAfterClose_andNamesAnUnopenableFile(@TempDir Path dir) throws IOException {
        JsonlExperimentRecorder recorder = JsonlExperimentRecorder.open(dir.resolve("a.jsonl"));
        recorder.close();
        assertThatThrownBy(() -> recorder.record(record(0).build())).isInstanceOf(IllegalStateException.class);
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> JsonlExperimentRecorder.open(notADir.resolve("log.jsonl")))
                .isInstanceOf(io.hybridllm.core.errors.ConfigurationException.class)
                .hasMessageContaining("log.jsonl");
    }
}
