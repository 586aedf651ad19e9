package io.hybridllm.local.ner;

import com.google.gson.JsonObject;
import io.hybridllm.local.internal.OnnxGraphBuilder;
import io.hybridllm.local.internal.OnnxGraphBuilder.Attr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a real, tiny Hugging Face-style token-classification model directory: {@code model.onnx} whose logits
 * are a lookup {@code Gather(W[vocab, labels], input_ids)} (so each token's label is fixed by its id, masked by
 * {@code attention_mask}), a WordPiece {@code tokenizer.json} and a {@code config.json} with {@code id2label}.
 */
final class TinyNerModel {
    static final List<String> CONLL = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC");

    private final List<String> labels;
    private final Map<String, float[]> vocab = new LinkedHashMap<>();
    boolean attentionMask = true;
    boolean tokenTypes = false;
    boolean lowercase = false;
    int maxPositions = 512;
    boolean writeId2label = true;
    /** Write {@code LABEL_0, LABEL_1, ...} instead of the label names. */
    boolean genericLabels = false;
    /** Declared batch and sequence dimensions of every input and of the output (a number makes them fixed). */
    Object batchDim = "batch";

    Object sequenceDim = "sequence";
    /** Also declare (and consume) a {@code position_ids} input. */
    boolean positionIds = false;
    /** The label count the graph declares and computes; defaults to the config's. */
    int graphLabels;
    /** Drop the first position from the logits, so their shape is wrong only when the model runs. */
    boolean dropFirstPosition = false;

    /** Byte-level BPE (RoBERTa style) instead of WordPiece. */
    private final boolean byteLevel;

    private final List<String> merges = new ArrayList<>();

    TinyNerModel(List<String> labels) {
        this(labels, false);
    }

    private TinyNerModel(List<String> labels, boolean byteLevel) {
        this.labels = List.copyOf(labels);
        this.graphLabels = labels.size();
        this.byteLevel = byteLevel;
        if (byteLevel) {
            for (String special : new String[] {"<s>", "<pad>", "</s>", "<unk>"}) {
                token(special, "O");
            }
            for (int b = 0; b < 256; b++) {
                token(String.valueOf(BYTE_CHARS[b]), "O");
            }
        } else {
            for (String special : new String[] {"[PAD]", "[UNK]", "[CLS]", "[SEP]"}) {
                token(special, "O");
            }
        }
    }

    /** A RoBERTa-style model: byte-level BPE with a prefix space, {@code <s> ... </s>}. */
    static TinyNerModel byteLevel(List<String> labels) {
        return new TinyNerModel(labels, true);
    }

    /** GPT-2's printable stand-ins for bytes. */
    private static final char[] BYTE_CHARS = new char[256];

    static {
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_CHARS[b] = printable ? (char) b : (char) (256 + n++);
        }
    }

    /**
     * Adds the BPE piece for {@code text} (plain text, a leading space allowed) labelled {@code label}, with the
     * left-to-right merges that build it; intermediate pieces are labelled O.
     */
    TinyNerModel piece(String text, String label) {
        StringBuilder mapped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            mapped.append(BYTE_CHARS[b & 0xff]);
        }
        String p = mapped.toString();
        String cur = p.substring(0, 1);
        for (int k = 1; k < p.length(); k++) {
            String merge = cur + " " + p.charAt(k);
            if (!merges.contains(merge)) {
                merges.add(merge);
            }
            cur = cur + p.charAt(k);
            if (!vocab.containsKey(cur)) {
                token(cur, "O");
            }
        }
        return token(p, label);
    }

    /** Adds a vocabulary token whose logits put all weight (4.0) on {@code label}. */
    TinyNerModel token(String piece, String label) {
        float[] logits = new float[labels.size()];
        logits[index(label)] = 4f;
        vocab.put(piece, logits);
        return this;
    }

    /** Adds a vocabulary token with explicit logits per label name (others 0). */
    TinyNerModel token(String piece, Map<String, Float> logitsByLabel) {
        float[] logits = new float[labels.size()];
        logitsByLabel.forEach((label, v) -> logits[index(label)] = v);
        vocab.put(piece, logits);
        return this;
    }

    /** Adds tokens labelled O. */
    TinyNerModel plain(String... pieces) {
        for (String p : pieces) {
            token(p, "O");
        }
        return this;
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("no label " + label);
        }
        return i;
    }

    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("model.onnx"), onnx());
            Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("config.json"), configJson(), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] onnx() {
        int v = vocab.size();
        int l = graphLabels;
        float[] w = new float[v * l];
        int row = 0;
        for (float[] logits : vocab.values()) {
            System.arraycopy(logits, 0, w, row * l, Math.min(l, logits.length));
            row++;
        }
        OnnxGraphBuilder g = new OnnxGraphBuilder();
        g.input("input_ids", OnnxGraphBuilder.INT64, batchDim, sequenceDim);
        String weights = g.floats("W", w, v, l);
        String logits = g.op("Gather", new String[] {weights, "input_ids"}, Attr.i("axis", 0));
        String axes = g.longs("axes", new long[] {-1}, 1);
        if (attentionMask) {
            g.input("attention_mask", OnnxGraphBuilder.INT64, batchDim, sequenceDim);
            String m = g.op("Cast", new String[] {"attention_mask"}, Attr.i("to", OnnxGraphBuilder.FLOAT));
            logits = g.op("Mul", new String[] {logits, g.op("Unsqueeze", new String[] {m, axes})});
        }
        if (tokenTypes) {
            g.input("token_type_ids", OnnxGraphBuilder.INT64, batchDim, sequenceDim);
            String t = g.op("Cast", new String[] {"token_type_ids"}, Attr.i("to", OnnxGraphBuilder.FLOAT));
            logits = g.op("Add", new String[] {logits, g.op("Unsqueeze", new String[] {t, axes})});
        }
        if (positionIds) {
            g.input("position_ids", OnnxGraphBuilder.INT64, batchDim, sequenceDim);
            String t = g.op("Cast", new String[] {"position_ids"}, Attr.i("to", OnnxGraphBuilder.FLOAT));
            logits = g.op("Add", new String[] {logits, g.op("Unsqueeze", new String[] {t, axes})});
        }
        if (dropFirstPosition) {
            logits = g.op("Slice", new String[] {
                logits,
                g.longs("starts", new long[] {1}, 1),
                g.longs("ends", new long[] {Long.MAX_VALUE}, 1),
                g.longs("slice_axes", new long[] {1}, 1)
            });
        }
        g.node("Identity", new String[] {logits}, new String[] {"logits"});
        g.output("logits", OnnxGraphBuilder.FLOAT, batchDim, dropFirstPosition ? "positions" : sequenceDim, l);
        return g.toByteArray("tiny-ner", "hybridllm-test");
    }

    private String tokenizerJson() {
        if (byteLevel) {
            return byteLevelTokenizerJson();
        }
        JsonObject vocabJson = new JsonObject();
        int id = 0;
        for (String piece : vocab.keySet()) {
            vocabJson.addProperty(piece, id++);
        }
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordPiece");
        model.addProperty("unk_token", "[UNK]");
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        model.add("vocab", vocabJson);
        JsonObject normalizer = new JsonObject();
        normalizer.addProperty("type", "BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars", true);
        normalizer.add("strip_accents", com.google.gson.JsonNull.INSTANCE);
        normalizer.addProperty("lowercase", lowercase);
        JsonObject pre = new JsonObject();
        pre.addProperty("type", "BertPreTokenizer");
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", com.google.gson.JsonNull.INSTANCE);
        root.add("normalizer", normalizer);
        root.add("pre_tokenizer", pre);
        root.add("model", model);
        return root.toString();
    }

    private String byteLevelTokenizerJson() {
        JsonObject vocabJson = new JsonObject();
        com.google.gson.JsonArray added = new com.google.gson.JsonArray();
        int id = 0;
        for (String piece : vocab.keySet()) {
            vocabJson.addProperty(piece, id);
            if (piece.startsWith("<") && piece.endsWith(">") && piece.length() > 2) {
                JsonObject a = new JsonObject();
                a.addProperty("id", id);
                a.addProperty("content", piece);
                a.addProperty("special", true);
                added.add(a);
            }
            id++;
        }
        com.google.gson.JsonArray mergesJson = new com.google.gson.JsonArray();
        merges.forEach(mergesJson::add);
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("vocab", vocabJson);
        model.add("merges", mergesJson);
        JsonObject pre = new JsonObject();
        pre.addProperty("type", "ByteLevel");
        pre.addProperty("add_prefix_space", true);
        pre.addProperty("trim_offsets", true);
        pre.addProperty("use_regex", true);
        JsonObject post = new JsonObject();
        post.addProperty("type", "RobertaProcessing");
        com.google.gson.JsonArray sep = new com.google.gson.JsonArray();
        sep.add("</s>");
        sep.add(2);
        com.google.gson.JsonArray cls = new com.google.gson.JsonArray();
        cls.add("<s>");
        cls.add(0);
        post.add("sep", sep);
        post.add("cls", cls);
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "ByteLevel");
        JsonObject root = new JsonObject();
        root.add("added_tokens", added);
        root.add("normalizer", com.google.gson.JsonNull.INSTANCE);
        root.add("pre_tokenizer", pre);
        root.add("post_processor", post);
        root.add("decoder", decoder);
        root.add("model", model);
        return root.toString();
    }

    private String configJson() {
        JsonObject root = new JsonObject();
        root.addProperty("model_type", byteLevel ? "roberta" : "bert");
        root.addProperty("max_position_embeddings", byteLevel ? maxPositions + 2 : maxPositions);
        if (byteLevel) {
            root.addProperty("pad_token_id", 1);
        }
        if (writeId2label) {
            JsonObject id2label = new JsonObject();
            List<String> ordered = new ArrayList<>(labels);
            for (int i = 0; i < ordered.size(); i++) {
                id2label.addProperty(String.valueOf(i), genericLabels ? "LABEL_" + i : ordered.get(i));
            }
            root.add("id2label", id2label);
        }
        return root.toString();
    }
}
