package io.hybridllm.local;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.local.internal.Llama2cGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Converts a <a href="https://github.com/karpathy/llama2.c">llama2.c</a> checkpoint and its {@code tokenizer.bin}
 * into a model directory in the standard layout {@link LocalChatBackend} loads: {@code model.onnx} (a decoder with a
 * KV cache in Hugging Face Optimum naming), {@code config.json}, {@code generation_config.json},
 * {@code tokenizer.json} and {@code tokenizer_config.json}. This is to llama2.c what {@code optimum-cli export onnx}
 * is to transformers.
 *
 * <pre>{@code
 * Llama2cConverter.convert(Path.of("stories260K.bin"), Path.of("tok512.bin"), Path.of("out/stories260K"));
 * }</pre>
 *
 * <p>It can also write tiny models with random weights of any shape, for tests that need a real ONNX model but no
 * downloaded weights ({@link #writeRandomModel}).
 */
public final class Llama2cConverter {
    private static final String SPACE = "\u2581";

    private Llama2cConverter() {}

    /**
     * Converts {@code checkpoint} (llama2.c legacy version-0 format) and {@code tokenizer} into {@code outDir}, which
     * is created if needed.
     *
     * @throws ModelLoadException if an input file is missing, truncated or malformed (the message names it)
     * @throws UncheckedIOException if the output cannot be written
     */
    public static void convert(Path checkpoint, Path tokenizer, Path outDir) {
        Objects.requireNonNull(checkpoint, "checkpoint == null");
        Objects.requireNonNull(tokenizer, "tokenizer == null");
        Llama2cGraph.Weights weights = readCheckpoint(checkpoint);
        List<Piece> pieces = readTokenizer(tokenizer, weights.vocab());
        write(weights, pieces, outDir, checkpoint.getFileName().toString().replaceFirst("\\.bin$", ""));
    }

    /**
     * Writes a model with random weights (normal, std 0.1, from {@code seed}) and a byte-fallback tokenizer: ids 0-2
     * are {@code <unk> <s> </s>}, 3-258 the bytes, then single printable ASCII characters up to {@code vocab}.
     *
     * @throws IllegalArgumentException if the shape is inconsistent ({@code dim % heads}, odd head size, vocab &lt; 259)
     */
    public static void writeRandomModel(
            Path outDir, int dim, int hiddenDim, int layers, int heads, int vocab, int seqLen, long seed) {
        if (dim % heads != 0 || (dim / heads) % 2 != 0 || vocab < 259 || vocab > 259 + 95) {
            throw new IllegalArgumentException(
                    "inconsistent shape: dim=" + dim + " heads=" + heads + " vocab=" + vocab);
        }
        Random r = new Random(seed);
        float[][] wq = new float[layers][];
        float[][] wk = new float[layers][];
        float[][] wv = new float[layers][];
        float[][] wo = new float[layers][];
        float[][] w1 = new float[layers][];
        float[][] w2 = new float[layers][];
        float[][] w3 = new float[layers][];
        float[][] rmsA = new float[layers][];
        float[][] rmsF = new float[layers][];
        for (int l = 0; l < layers; l++) {
            wq[l] = gaussian(r, dim * dim);
            wk[l] = gaussian(r, dim * dim);
            wv[l] = gaussian(r, dim * dim);
            wo[l] = gaussian(r, dim * dim);
            w1[l] = gaussian(r, hiddenDim * dim);
            w2[l] = gaussian(r, dim * hiddenDim);
            w3[l] = gaussian(r, hiddenDim * dim);
            rmsA[l] = ones(dim);
            rmsF[l] = ones(dim);
        }
        float[] emb = gaussian(r, vocab * dim);
        Llama2cGraph.Weights w = new Llama2cGraph.Weights(
                dim, hiddenDim, layers, heads, heads, vocab, seqLen, emb, rmsA, wq, wk, wv, wo, rmsF, w1, w2, w3,
                ones(dim), emb);
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece("<unk>", 0f));
        pieces.add(new Piece("<s>", 0f));
        pieces.add(new Piece("</s>", 0f));
        for (int b = 0; b < 256; b++) {
            pieces.add(new Piece(String.format(Locale.ROOT, "<0x%02X>", b), 0f));
        }
        for (int c = 0; pieces.size() < vocab; c++) {
            pieces.add(new Piece(c == 0 ? SPACE : String.valueOf((char) (' ' + c)), -c));
        }
        write(w, pieces, outDir, "random-" + dim + "x" + layers);
    }

    private static float[] gaussian(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * 0.1);
        }
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    private record Piece(String text, float score) {}

    private static Llama2cGraph.Weights readCheckpoint(Path file) {
        ByteBuffer buf = readAll(file);
        if (buf.remaining() < 28) {
            throw new ModelLoadException("not a llama2.c checkpoint (too short): " + file);
        }
        int dim = buf.getInt();
        int hidden = buf.getInt();
        int layers = buf.getInt();
        int heads = buf.getInt();
        int kvHeads = buf.getInt();
        int vocabField = buf.getInt();
        int seqLen = buf.getInt();
        boolean shared = vocabField > 0;
        int vocab = Math.abs(vocabField);
        if (dim <= 0
                || hidden <= 0
                || layers <= 0
                || heads <= 0
                || kvHeads <= 0
                || vocab == 0
                || seqLen <= 0
                || dim % heads != 0) {
            throw new ModelLoadException("not a llama2.c checkpoint (bad header): " + file);
        }
        int hs = dim / heads;
        long kvDim = (long) kvHeads * hs;
        long expected = (long) vocab * dim
                + (long) layers * (2L * dim + 2L * dim * dim + 2L * dim * kvDim + 3L * dim * hidden)
                + dim
                + (long) seqLen * hs
                + (shared ? 0 : (long) vocab * dim);
        if (buf.remaining() != expected * 4) {
            throw new ModelLoadException("llama2.c checkpoint " + file + " has " + (buf.remaining() + 28)
                    + " bytes; its header implies " + (expected * 4 + 28));
        }
        if (kvHeads != heads) {
            throw new ModelLoadException("checkpoint " + file + " uses grouped-query attention, which the converter "
                    + "does not support yet");
        }
        FloatBuffer f = buf.asFloatBuffer();
        float[] emb = take(f, vocab * dim);
        float[][] rmsAtt = takeLayers(f, layers, dim);
        float[][] wq = takeLayers(f, layers, dim * dim);
        float[][] wk = takeLayers(f, layers, (int) (dim * kvDim));
        float[][] wv = takeLayers(f, layers, (int) (dim * kvDim));
        float[][] wo = takeLayers(f, layers, dim * dim);
        float[][] rmsFfn = takeLayers(f, layers, dim);
        float[][] w1 = takeLayers(f, layers, dim * hidden);
        float[][] w2 = takeLayers(f, layers, dim * hidden);
        float[][] w3 = takeLayers(f, layers, dim * hidden);
        float[] rmsFinal = take(f, dim);
        take(f, seqLen * hs); // freq_cis_real and freq_cis_imag: recomputed in the graph
        float[] cls = shared ? emb : take(f, vocab * dim);
        return new Llama2cGraph.Weights(
                dim, hidden, layers, heads, kvHeads, vocab, seqLen, emb, rmsAtt, wq, wk, wv, wo, rmsFfn, w1, w2, w3,
                rmsFinal, cls);
    }

    private static float[] take(FloatBuffer f, int n) {
        float[] a = new float[n];
        f.get(a);
        return a;
    }

    private static float[][] takeLayers(FloatBuffer f, int layers, int n) {
        float[][] a = new float[layers][];
        for (int l = 0; l < layers; l++) {
            a[l] = take(f, n);
        }
        return a;
    }

    private static List<Piece> readTokenizer(Path file, int vocab) {
        ByteBuffer buf = readAll(file);
        List<Piece> pieces = new ArrayList<>(vocab);
        try {
            buf.getInt(); // max_token_length
            for (int i = 0; i < vocab; i++) {
                float score = buf.getFloat();
                int len = buf.getInt();
                if (len < 0 || len > buf.remaining()) {
                    throw new ModelLoadException("corrupt llama2.c tokenizer " + file + " at token " + i);
                }
                byte[] b = new byte[len];
                buf.get(b);
                pieces.add(new Piece(new String(b, StandardCharsets.UTF_8), score));
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new ModelLoadException(
                    "llama2.c tokenizer " + file + " is truncated: fewer than " + vocab + " tokens", e);
        }
        // llama2.c's export writes the specials with newlines around them and spaces instead of U+2581.
        List<Piece> out = new ArrayList<>(vocab);
        for (int i = 0; i < vocab; i++) {
            String t = pieces.get(i).text();
            if (i == 0) {
                t = "<unk>";
            } else if (i == 1) {
                t = "<s>";
            } else if (i == 2) {
                t = "</s>";
            } else if (!t.matches("<0x[0-9A-F]{2}>")) {
                t = t.replace(" ", SPACE);
            }
            out.add(new Piece(t, pieces.get(i).score()));
        }
        return out;
    }

    private static ByteBuffer readAll(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("file not found: " + file);
        }
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file, e);
        }
    }

    private static void write(Llama2cGraph.Weights w, List<Piece> pieces, Path outDir, String name) {
        try {
            Files.createDirectories(outDir);
            Files.write(outDir.resolve("model.onnx"), Llama2cGraph.build(w));
            var gson =
                    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
            JsonObject config = new JsonObject();
            JsonArray arch = new JsonArray();
            arch.add("LlamaForCausalLM");
            config.add("architectures", arch);
            config.addProperty("model_type", "llama");
            config.addProperty("_name_or_path", name);
            config.addProperty("hidden_size", w.dim());
            config.addProperty("intermediate_size", w.hiddenDim());
            config.addProperty("num_hidden_layers", w.layers());
            config.addProperty("num_attention_heads", w.heads());
            config.addProperty("num_key_value_heads", w.kvHeads());
            config.addProperty("head_dim", w.dim() / w.heads());
            config.addProperty("vocab_size", w.vocab());
            config.addProperty("max_position_embeddings", w.seqLen());
            config.addProperty("rms_norm_eps", 1e-5);
            config.addProperty("bos_token_id", 1);
            config.addProperty("eos_token_id", 2);
            config.addProperty("tie_word_embeddings", w.classifier() == w.tokenEmbedding());
            config.addProperty("torch_dtype", "float32");
            Files.writeString(outDir.resolve("config.json"), gson.toJson(config));

            JsonObject gen = new JsonObject();
            gen.addProperty("bos_token_id", 1);
            // llama2.c's reference sampler ends a sequence when the model emits BOS (it separates training texts).
            JsonArray eos = new JsonArray();
            eos.add(2);
            eos.add(1);
            gen.add("eos_token_id", eos);
            Files.writeString(outDir.resolve("generation_config.json"), gson.toJson(gen));

            JsonObject tc = new JsonObject();
            tc.addProperty("add_bos_token", true);
            tc.addProperty("add_eos_token", false);
            tc.addProperty("bos_token", "<s>");
            tc.addProperty("eos_token", "</s>");
            tc.addProperty("unk_token", "<unk>");
            tc.addProperty("model_max_length", w.seqLen());
            tc.addProperty("tokenizer_class", "LlamaTokenizer");
            Files.writeString(outDir.resolve("tokenizer_config.json"), gson.toJson(tc));
            Files.writeString(outDir.resolve("tokenizer.json"), gson.toJson(tokenizerJson(pieces)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model directory " + outDir, e);
        }
    }

    /**
     * A SentencePiece-style BPE {@code tokenizer.json} (the Llama-2 layout): merges are every split of a piece into
     * two pieces, ranked by the merged piece's score, which reproduces llama2.c's highest-score-first merging.
     */
    private static JsonObject tokenizerJson(List<Piece> pieces) {
        Map<String, Integer> ids = new HashMap<>();
        JsonObject vocab = new JsonObject();
        for (int i = 0; i < pieces.size(); i++) {
            ids.putIfAbsent(pieces.get(i).text(), i);
            vocab.addProperty(pieces.get(i).text(), i);
        }
        List<int[]> merges = new ArrayList<>(); // {mergedId, leftId, rightId}
        for (int i = 3; i < pieces.size(); i++) {
            String t = pieces.get(i).text();
            if (t.matches("<0x[0-9A-F]{2}>")) {
                continue;
            }
            for (int cut = t.offsetByCodePoints(0, 1); cut < t.length(); cut = t.offsetByCodePoints(cut, 1)) {
                Integer left = ids.get(t.substring(0, cut));
                Integer right = ids.get(t.substring(cut));
                if (left != null && right != null && left >= 3 && right >= 3) {
                    merges.add(new int[] {i, left, right});
                }
            }
        }
        merges.sort((a, b) -> {
            int c = Float.compare(pieces.get(b[0]).score(), pieces.get(a[0]).score());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a[0], b[0]);
            return c != 0 ? c : Integer.compare(a[1], b[1]);
        });
        JsonArray mergeArray = new JsonArray();
        for (int[] m : merges) {
            JsonArray pair = new JsonArray();
            pair.add(pieces.get(m[1]).text());
            pair.add(pieces.get(m[2]).text());
            mergeArray.add(pair);
        }
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.addProperty("unk_token", "<unk>");
        model.addProperty("fuse_unk", true);
        model.addProperty("byte_fallback", true);
        model.add("vocab", vocab);
        model.add("merges", mergeArray);

        JsonArray added = new JsonArray();
        String[] specials = {"<unk>", "<s>", "</s>"};
        for (int i = 0; i < 3; i++) {
            JsonObject a = new JsonObject();
            a.addProperty("id", i);
            a.addProperty("content", specials[i]);
            a.addProperty("special", true);
            a.addProperty("normalized", false);
            added.add(a);
        }
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("added_tokens", added);
        JsonArray normalizers = new JsonArray();
        JsonObject prepend = new JsonObject();
        prepend.addProperty("type", "Prepend");
        prepend.addProperty("prepend", SPACE);
        normalizers.add(prepend);
        normalizers.add(replace(" ", SPACE));
        JsonObject normalizer = new JsonObject();
        normalizer.addProperty("type", "Sequence");
        normalizer.add("normalizers", normalizers);
        root.add("normalizer", normalizer);
        JsonArray decoders = new JsonArray();
        decoders.add(replace(SPACE, " "));
        JsonObject byteFallback = new JsonObject();
        byteFallback.addProperty("type", "ByteFallback");
        decoders.add(byteFallback);
        JsonObject fuse = new JsonObject();
        fuse.addProperty("type", "Fuse");
        decoders.add(fuse);
        JsonObject strip = new JsonObject();
        strip.addProperty("type", "Strip");
        strip.addProperty("content", " ");
        strip.addProperty("start", 1);
        strip.addProperty("stop", 0);
        decoders.add(strip);
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "Sequence");
        decoder.add("decoders", decoders);
        root.add("decoder", decoder);
        root.add("model", model);
        return root;
    }

    private static JsonObject replace(String from, String to) {
        JsonObject pattern = new JsonObject();
        pattern.addProperty("String", from);
        JsonObject r = new JsonObject();
        r.addProperty("type", "Replace");
        r.add("pattern", pattern);
        r.addProperty("content", to);
        return r;
    }
}
