package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.ComplexityScorers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing commands end to end on small fixtures written by the tests. */
class RoutingCommandsTest {
    // Easy prompts are the long ones here, so the length baseline ranks them the wrong way round.
    private static final String[] EASY = {
        "Please say a warm and friendly hello from me to my good old friend from school",
        "Tell me what colour the sky usually is on a clear and sunny summer afternoon",
        "Name a sweet fruit that I could buy at the market on my way home tonight"
    };
    private static final String[] HARD = {
        "Prove the spectral theorem", "Prove Fermat's last theorem", "Prove the four colour theorem"
    };

    /** Writes labelled records: hard prompts need the strong model, easy ones do not. */
    private static Path fixture(Path dir, int copies) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (String p : EASY) {
                lines.add("{\"prompt\":\"" + p + " (" + c + ")\",\"source\":\"fix\",\"label\":\"weak_ok\","
                        + "\"strong_correct\":true,\"weak_correct\":true}");
            }
            for (String p : HARD) {
                lines.add("{\"prompt\":\"" + p + " (" + c + ")\",\"source\":\"fix\",\"label\":\"needs_strong\","
                        + "\"strong_correct\":true,\"weak_correct\":false}");
            }
        }
        Path f = dir.resolve("fix.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static JsonObject runJson(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int rc = HybridCli.run(args);
            assertThat(rc).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return JsonParser.parseString(buf.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void evalRouting_printsMetricsForScorerAndBothBaselines(@TempDir Path dir) throws Exception {
        Path f = fixture(dir, 2);
        JsonObject out = runJson("eval", "routing", f.toString());
        assertThat(out.get("prompts").getAsInt()).isEqualTo(12);
        for (String router : List.of("complexity", "random", "length")) {
            JsonObject m = out.getAsJsonObject(router);
            assertThat(m.keySet()).contains("apgr", "cpt50", "cpt80", "auroc");
            assertThat(m.get("n").getAsInt()).isEqualTo(12);
        }
        assertThat(out.getAsJsonObject("random").get("apgr").getAsDouble()).isEqualTo(0.5);
        assertThat(out.getAsJsonObject("random").get("auroc").getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void trainComplexity_writesLoadableWeights_andReportsCrossValidation(@TempDir Path dir) throws Exception {
        fixture(dir, 10);
        Path weights = dir.resolve("out").resolve("weights.txt");
        Files.createDirectories(weights.getParent());
        JsonObject report =
                runJson("train", "complexity", "--data", dir.toString(), "--out", weights.toString(), "--folds", "3");
        assertThat(report.get("trained_on").getAsInt()).isEqualTo(60);
        JsonObject cv = report.getAsJsonObject("cross_validation").getAsJsonObject("fix");
        assertThat(cv.getAsJsonObject("complexity").get("auroc").getAsDouble()).isGreaterThan(0.9);

        ComplexityScorer scorer = ComplexityScorers.fromModelFile(weights);
        double hard = scorer.score(ChatRequest.ofUserMessage("Prove the spectral theorem"))
                .score();
        double easy =
                scorer.score(ChatRequest.ofUserMessage("Name a sweet fruit")).score();
        assertThat(hard).isGreaterThan(easy);

        JsonObject eval =
                runJson("eval", "routing", dir.resolve("fix.jsonl").toString(), "--model", weights.toString());
        // Half the prompts gain: a perfect ranking gives PGR(k) = min(1, k/30), so APGR = 45.5 / 61.
        assertThat(eval.getAsJsonObject("complexity").get("auroc").getAsDouble())
                .isGreaterThan(0.95);
        assertThat(eval.getAsJsonObject("complexity").get("apgr").getAsDouble())
                .isGreaterThan(eval.getAsJsonObject("length").get("apgr").getAsDouble())
                .isLessThanOrEqualTo(45.5 / 61 + 1e-4);
    }

    @Test
    void evalRouting_crossValidated_reportsTheCategoryPriorWhenRecordsHaveCategories(@TempDir Path dir)
            throws Exception {
        Path plain = fixture(dir, 5);
        assertThat(runJson("eval", "routing", plain.toString(), "--cv", "3").has("category_prior"))
                .isFalse();

        // The same records, each tagged with the category that gives its outcome away.
        List<String> tagged = new ArrayList<>();
        for (String line : Files.readAllLines(plain)) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            o.addProperty("category", o.get("label").getAsString().equals("needs_strong") ? "proofs" : "chat");
            tagged.add(o.toString());
        }
        Path f = dir.resolve("tagged.jsonl");
        Files.write(f, tagged, StandardCharsets.UTF_8);
        JsonObject out = runJson("eval", "routing", f.toString(), "--cv", "3");
        JsonObject prior = out.getAsJsonObject("category_prior");
        assertThat(prior.get("n").getAsInt()).isEqualTo(30);
        assertThat(prior.get("auroc").getAsDouble()).isEqualTo(1.0);
        assertThat(prior.get("apgr").getAsDouble())
                .isGreaterThan(out.getAsJsonObject("length").get("apgr").getAsDouble());
    }

    @Test
    void calibrate_reachesTheTargetShareOnTheLog(@TempDir Path dir) throws Exception {
        Path f = fixture(dir, 5);
        JsonObject out = runJson("calibrate", "--log", f.toString(), "--target-share", "0.5");
        double threshold = out.get("threshold").getAsDouble();
        List<String> lines = Files.readAllLines(f);
        long routed = 0;
        for (String line : lines) {
            String prompt =
                    JsonParser.parseString(line).getAsJsonObject().get("prompt").getAsString();
            if (ComplexityScorers.defaults()
                            .score(ChatRequest.ofUserMessage(prompt))
                            .score()
                    >= threshold) {
                routed++;
            }
        }
        assertThat(out.get("achieved_share").getAsDouble()).isCloseTo((double) routed / lines.size(), within(1e-12));
        assertThat(out.get("achieved_share").getAsDouble()).isCloseTo(0.5, within(0.1));
    }

    @Test
    void evalRouting_withEmbeddings_scoresWithTheEmbeddingLayer(@TempDir Path dir) throws Exception {
        Path f = fixture(dir, 1);
        JsonObject out = runJson("eval", "routing", f.toString(), "--embeddings");
        assertThat(out.get("scorer").getAsString()).contains("embedding");
        assertThat(out.getAsJsonObject("complexity").get("n").getAsInt()).isEqualTo(6);
        assertThat(out.getAsJsonObject("complexity").get("apgr").isJsonNull()).isFalse();
    }
}
