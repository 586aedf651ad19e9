package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.local.embedding.EmbeddingComplexityScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
    @TempDir
    Path dir;

    private static List<JsonObject> lines(String out) {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return objects;
    }

    @Test
    void score_prompt_printsTheContractFields() {
        CliRun run = CliRun.of("score", "What is 2 + 2?");

        assertThat(run.exitCode).isZero();
        JsonObject o = lines(run.out).get(0);
        assertThat(o.get("complexity").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(o.getAsJsonObject("privacy").get("level").getAsString()).isEqualTo("NONE");
        assertThat(o.getAsJsonObject("privacy").getAsJsonArray("items")).isEmpty();
        assertThat(o.get("route").getAsString()).isIn("LOCAL", "REMOTE", "REMOTE_REDACTED", "REFUSED");
        assertThat(o.getAsJsonArray("reasons")).isNotEmpty();
        assertThat(o.has("id")).isFalse();
    }

    @Test
    void score_embeddings_scoresComplexityWithTheEmbeddingLayer() {
        String prompt = "Prove that there are infinitely many primes, then explain the proof to a child.";
        double expected;
        try (EmbeddingComplexityScorer scorer = EmbeddingComplexityScorer.open()) {
            expected = scorer.score(ChatRequest.ofUserMessage(prompt)).score();
        }
        double featuresOnly = ComplexityScorers.defaults()
                .score(ChatRequest.ofUserMessage(prompt))
                .score();

        CliRun withEmbeddings = CliRun.of("score", "--embeddings", prompt);
        CliRun plain = CliRun.of("score", prompt);

        assertThat(withEmbeddings.exitCode).isZero();
        assertThat(lines(withEmbeddings.out).get(0).get("complexity").getAsDouble())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lines(plain.out).get(0).get("complexity").getAsDouble())
                .isCloseTo(featuresOnly, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void score_item_hasTypeClassUtf16SpanConfidenceAndDetector_butNotTheValue() {
        String text = "😀 write to jane.doe@example.com";
        CliRun run = CliRun.of("score", text);

        JsonObject item = lines(run.out)
                .get(0)
                .getAsJsonObject("privacy")
                .getAsJsonArray("items")
                .get(0)
                .getAsJsonObject();
        int start = item.get("start").getAsInt();
        int end = item.get("end").getAsInt();
        assertThat(text.substring(start, end)).isEqualTo("jane.doe@example.com");
        assertThat(item.get("type").getAsString()).isNotBlank();
        assertThat(item.get("class").getAsString()).isEqualTo("CONTACT");
        assertThat(item.get("confidence").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(item.get("detector").getAsString()).isNotBlank();
        assertThat(run.out).doesNotContain("jane.doe@example.com");
    }

    @Test
    void score_showValues_includesTheMatchedText() {
        CliRun run = CliRun.of("score", "--show-values", "mail jane.doe@example.com");

        assertThat(run.out).contains("\"value\":\"jane.doe@example.com\"");
    }

    @Test
    void score_file_readsPromptTextAndBase64_echoesIds_keepsOrder() throws IOException {
        String b64 = Base64.getEncoder().encodeToString("card 4111 1111 1111 1111".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("in.jsonl");
        Files.writeString(
                file,
                "{\"id\": \"a\", \"prompt\": \"hello\"}\n"
                        + "{\"id\": 7, \"text\": \"mail jane.doe@example.com\"}\n"
                        + "\n"
                        + "{\"text_b64\": \"" + b64 + "\"}\n");

        CliRun run = CliRun.of("score", "--file", file.toString());

        List<JsonObject> out = lines(run.out);
        assertThat(run.exitCode).isZero();
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("id").getAsString()).isEqualTo("a");
        assertThat(out.get(1).get("id").getAsInt()).isEqualTo(7);
        assertThat(out.get(1).getAsJsonObject("privacy").get("level").getAsString())
                .isNotEqualTo("NONE");
        assertThat(out.get(2).has("id")).isFalse();
        assertThat(out.get(2).getAsJsonObject("privacy").get("level").getAsString())
                .isEqualTo("CRITICAL");
        assertThat(out.get(2).get("route").getAsString()).isEqualTo("LOCAL");
    }

    @Test
    void score_badLine_printsAnErrorInPlaceAndExitsNonZero() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(
                file, "{\"prompt\": \"ok\"}\nnot json\n{\"id\": 3, \"nothing\": 1}\n{\"prompt\": \"last\"}\n");

        CliRun run = CliRun.of("score", "--file", file.toString());

        List<JsonObject> out = lines(run.out);
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(out).hasSize(4);
        assertThat(out.get(1).get("line").getAsInt()).isEqualTo(2);
        assertThat(out.get(2).get("id").getAsInt()).isEqualTo(3);
        assertThat(out.get(2).get("error").getAsString()).contains("prompt");
        assertThat(out.get(3).has("complexity")).isTrue();
    }

    @Test
    void score_offline_keepsComplexRequestsLocal() {
        String hard = "Prove step by step that the integral of the derivative equals the function, and analyze why.";

        JsonObject online = lines(CliRun.of("score", hard).out).get(0);
        JsonObject offline = lines(CliRun.of("score", "--offline", hard).out).get(0);

        assertThat(offline.get("route").getAsString()).isEqualTo("LOCAL");
        assertThat(offline.get("complexity").getAsDouble())
                .isEqualTo(online.get("complexity").getAsDouble());
    }

    @Test
    void score_everyMtBenchPrompt_givesValidJson() throws IOException {
        Path shared = Path.of(System.getProperty("hybridllm.shared.dir", "../../../shared"));
        Path mtBench = shared.resolve("evaldata/complexity/mt_bench.jsonl");
        Assumptions.assumeTrue(Files.exists(mtBench), "shared data absent: " + mtBench + " (skipping)");
        long expected =
                Files.readAllLines(mtBench).stream().filter(l -> !l.isBlank()).count();

        CliRun run = CliRun.of("score", "--file", mtBench.toString());

        assertThat(run.exitCode).isZero();
        List<JsonObject> out = lines(run.out);
        assertThat(out).hasSize((int) expected);
        for (JsonObject o : out) {
            assertThat(o.has("id")).isTrue();
            assertThat(o.get("complexity").getAsDouble()).isBetween(0.0, 1.0);
            JsonArray items = o.getAsJsonObject("privacy").getAsJsonArray("items");
            for (JsonElement item : items) {
                assertThat(item.getAsJsonObject().keySet())
                        .contains("type", "class", "start", "end", "confidence", "detector");
            }
        }
    }
}
