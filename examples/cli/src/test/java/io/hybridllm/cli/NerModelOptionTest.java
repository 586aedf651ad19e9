package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.local.internal.OnnxGraphBuilder;
import io.hybridllm.local.internal.OnnxGraphBuilder.Attr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ner-model DIR} on {@code score} and {@code eval pii}, with a tiny real ONNX model written here. */
class NerModelOptionTest {
    private static final String[] LABELS = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC"};
    private static final String TEXT = "Please greet Zyx Qorvath from Blorptown";

    @TempDir
    Path tmp;

    /** logits = Gather(W, input_ids): every vocabulary token has one fixed label. */
    private Path model() throws Exception {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (String t : new String[] {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "Please", "greet", "from"}) {
            vocab.put(t, 0);
        }
        vocab.put("Zy", 1);
        vocab.put("##x", 2);
        vocab.put("Qor", 2);
        vocab.put("##vath", 2);
        vocab.put("Blorp", 3);
        vocab.put("##town", 4);
        float[] w = new float[vocab.size() * LABELS.length];
        JsonObject vocabJson = new JsonObject();
        int id = 0;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            w[id * LABELS.length + e.getValue()] = 5f;
            vocabJson.addProperty(e.getKey(), id++);
        }
        OnnxGraphBuilder g = new OnnxGraphBuilder();
        g.input("input_ids", OnnxGraphBuilder.INT64, "batch", "sequence");
        g.input("attention_mask", OnnxGraphBuilder.INT64, "batch", "sequence");
        String gathered = g.op("Gather", new String[] {g.floats("W", w, vocab.size(), LABELS.length), "input_ids"});
        String mask = g.op("Cast", new String[] {"attention_mask"}, Attr.i("to", OnnxGraphBuilder.FLOAT));
        String axes = g.longs("axes", new long[] {-1}, 1);
        String masked = g.op("Mul", new String[] {gathered, g.op("Unsqueeze", new String[] {mask, axes})});
        g.node("Identity", new String[] {masked}, new String[] {"logits"});
        g.output("logits", OnnxGraphBuilder.FLOAT, "batch", "sequence", LABELS.length);
        Path dir = tmp.resolve("tiny-ner");
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.onnx"), g.toByteArray("tiny-ner", "test"));
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordPiece");
        model.add("vocab", vocabJson);
        JsonObject tokenizer = new JsonObject();
        tokenizer.add("model", model);
        Files.writeString(dir.resolve("tokenizer.json"), tokenizer.toString());
        JsonObject id2label = new JsonObject();
        for (int i = 0; i < LABELS.length; i++) {
            id2label.addProperty(String.valueOf(i), LABELS[i]);
        }
        JsonObject config = new JsonObject();
        config.add("id2label", id2label);
        Files.writeString(dir.resolve("config.json"), config.toString());
        return dir;
    }

    @Test
    void score_withNerModel_reportsTheModelsEntities() throws Exception {
        CliRun run = CliRun.of("score", "--ner-model", model().toString(), "--show-values", TEXT);

        assertThat(run.exitCode).as(run.err).isZero();
        JsonArray items = JsonParser.parseString(run.out.trim())
                .getAsJsonObject()
                .getAsJsonObject("privacy")
                .getAsJsonArray("items");
        Map<String, String> ner = new LinkedHashMap<>();
        for (JsonElement e : items) {
            JsonObject i = e.getAsJsonObject();
            if (i.get("detector").getAsString().equals("ner:tiny-ner")) {
                ner.put(i.get("value").getAsString(), i.get("class").getAsString());
            }
        }
        assertThat(ner).containsExactly(Map.entry("Zyx Qorvath", "PERSON"), Map.entry("Blorptown", "LOCATION"));
    }

    @Test
    void score_withAMissingNerModel_failsWithATypedError() {
        CliRun run = CliRun.of("score", "--ner-model", tmp.resolve("absent").toString(), TEXT);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("ModelLoadException").contains("absent");
    }

    @Test
    void evalPii_withNerModelAndNoHeuristics_findsThePersonTheHeuristicsMiss() throws Exception {
        int start = TEXT.indexOf("Zyx");
        Path data = tmp.resolve("pii.jsonl");
        Files.writeString(
                data,
                "{\"text\":\"" + TEXT + "\",\"spans\":[{\"type\":\"PERSON\",\"start\":" + start + ",\"end\":"
                        + (start + "Zyx Qorvath".length()) + "}]}\n");

        JsonObject without = total(CliRun.of("eval", "pii", "--json", "--no-name-heuristics", data.toString()));
        JsonObject with = total(CliRun.of(
                "eval", "pii", "--json", "--no-name-heuristics", "--ner-model", model().toString(), data.toString()));

        assertThat(without.getAsJsonObject("PERSON").get("gold_found").getAsInt())
                .isZero();
        assertThat(with.getAsJsonObject("PERSON").get("gold_found").getAsInt()).isEqualTo(1);
    }

    @Test
    void demoAndChat_takeTheNerModelToo() throws Exception {
        CliRun demo = CliRun.of(
                "demo", "--local-model", tmp.resolve("no-model").toString(), "--ner-model", model().toString());
        CliRun chat = CliRun.of(
                "chat",
                "--local-model",
                tmp.resolve("no-model").toString(),
                "--ner-model",
                tmp.resolve("absent").toString(),
                "hello");

        assertThat(demo.exitCode).as(demo.err).isZero();
        assertThat(chat.exitCode).isEqualTo(1);
        assertThat(chat.err).startsWith("error: ModelLoadException:").contains("absent");
    }

    private static JsonObject total(CliRun run) {
        assertThat(run.exitCode).as(run.err).isZero();
        return JsonParser.parseString(run.out.trim())
                .getAsJsonObject()
                .getAsJsonObject("total")
                .getAsJsonObject("classes");
    }
}
