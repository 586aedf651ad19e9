package io.hybridllm.local.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session over a decoder model, with its input/output names discovered from the model (Optimum
 * naming). Thread-safe: {@link OrtSession#run} may be called concurrently, and each generation owns its KV cache.
 */
public final class DecoderSession implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Path modelFile;
    private final boolean hasPositionIds;
    private final boolean hasAttentionMask;
    private final List<String> pastNames = new ArrayList<>();
    private final List<String> presentNames = new ArrayList<>();
    private final OnnxJavaType kvType;
    private final long kvHeads;
    private final long headDim;
    private final int vocab;
    private final OnnxJavaType logitsType;
    private final java.util.Set<String> presentSet;
    private final java.util.concurrent.atomic.LongAdder runNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DecoderSession(OrtEnvironment env, OrtSession session, Path modelFile, ModelConfig config)
            throws OrtException {
        this.env = env;
        this.session = session;
        this.modelFile = modelFile;
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.containsKey("input_ids")) {
            throw new ModelLoadException(
                    modelFile + " is not a decoder: it has no input_ids input (inputs: " + inputs.keySet() + ")");
        }
        hasPositionIds = inputs.containsKey("position_ids");
        hasAttentionMask = inputs.containsKey("attention_mask");
        for (int i = 0; inputs.containsKey("past_key_values." + i + ".key"); i++) {
            pastNames.add("past_key_values." + i + ".key");
            pastNames.add("past_key_values." + i + ".value");
            presentNames.add("present." + i + ".key");
            presentNames.add("present." + i + ".value");
        }
        if (pastNames.isEmpty()) {
            throw new ModelLoadException(modelFile + " has no past_key_values inputs; export it with a KV cache "
                    + "(optimum-cli export onnx --task text-generation-with-past)");
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        for (String p : presentNames) {
            if (!outputs.containsKey(p)) {
                throw new ModelLoadException(modelFile + " lacks output " + p);
            }
        }
        if (!outputs.containsKey("logits")) {
            throw new ModelLoadException(modelFile + " lacks output logits");
        }
        TensorInfo kv = (TensorInfo) inputs.get(pastNames.get(0)).getInfo();
        kvType = kv.type;
        if (kvType != OnnxJavaType.FLOAT && kvType != OnnxJavaType.FLOAT16) {
            throw new ModelLoadException(modelFile + " has an unsupported KV-cache type " + kvType);
        }
        long[] shape = kv.getShape();
        kvHeads = shape.length == 4 && shape[1] > 0 ? shape[1] : config.kvHeads();
        headDim = shape.length == 4 && shape[3] > 0 ? shape[3] : config.headDim();
        long[] logitsShape = ((TensorInfo) outputs.get("logits").getInfo()).getShape();
        logitsType = ((TensorInfo) outputs.get("logits").getInfo()).type;
        presentSet = java.util.Set.copyOf(presentNames);
        vocab = logitsShape.length == 3 && logitsShape[2] > 0 ? (int) logitsShape[2] : config.vocabSize();
    }

    /** Opens the decoder in {@code dir}: {@code model.onnx}, else {@code decoder_model_merged.onnx}. */
    public static DecoderSession open(Path dir, ModelConfig config, int intraOpThreads) {
        Path file = modelFile(dir);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(file.toString(), options);
            try {
                return new DecoderSession(env, session, file, config);
            } catch (RuntimeException | OrtException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    /** The model file a directory holds. */
    public static Path modelFile(Path dir) {
        for (String name : new String[] {
            "model.onnx", "decoder_model_merged.onnx", "onnx/model.onnx", "onnx/decoder_model_merged.onnx"
        }) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ModelLoadException("no model.onnx or decoder_model_merged.onnx in " + dir);
    }

    public int vocabSize() {
        return vocab;
    }

    /** Total nanoseconds spent inside {@code session.run} since opening (for the benchmark). */
    public long runNanos() {
        return runNanos.sum();
    }

    /** An empty KV cache. */
    public KvCache emptyCache() {
        return new KvCache(null, 0);
    }

    /**
     * Runs {@code ids} at positions {@code cache.length() ..}, returns the last position's logits and replaces the
     * cache's contents with the new present tensors (closing the old ones).
     */
    public float[] forward(long[] ids, KvCache cache) {
        int past = cache.length;
        int total = past + ids.length;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        List<OnnxTensor> owned = new ArrayList<>();
        boolean decodeStep = ids.length == 1 && logitsType == OnnxJavaType.FLOAT;
        try {
            if (decodeStep) {
                // One token: reuse direct buffers and tensors the generation owns, and let ONNX Runtime write the
                // logits straight into a pinned Java buffer (no per-token allocation or copy through JNI).
                cache.prepareDecode(env, vocab);
                cache.idBuffer.put(0, ids[0]);
                cache.posBuffer.put(0, past);
                inputs.put("input_ids", cache.idTensor);
                if (hasPositionIds) {
                    inputs.put("position_ids", cache.posTensor);
                }
            } else {
                inputs.put("input_ids", longs(ids, owned));
                if (hasPositionIds) {
                    long[] pos = new long[ids.length];
                    for (int i = 0; i < pos.length; i++) {
                        pos[i] = past + i;
                    }
                    inputs.put("position_ids", longs(pos, owned));
                }
            }
            if (hasAttentionMask) {
                OnnxTensor mask = OnnxTensor.createTensor(env, cache.ones(total), new long[] {1, total});
                owned.add(mask);
                inputs.put("attention_mask", mask);
            }
            for (int i = 0; i < pastNames.size(); i++) {
                OnnxTensor t = cache.result == null
                        ? emptyKv(owned)
                        : (OnnxTensor) cache.result.get(presentNames.get(i)).orElseThrow();
                inputs.put(pastNames.get(i), t);
            }
            long start = System.nanoTime();
            OrtSession.Result result = decodeStep
                    ? session.run(inputs, presentSet, Map.of("logits", cache.logitsTensor))
                    : session.run(inputs);
            runNanos.add(System.nanoTime() - start);
            float[] logits;
            try {
                if (decodeStep) {
                    logits = new float[vocab];
                    cache.logitsBuffer.get(0, logits);
                } else {
                    logits = lastLogits(result, ids.length);
                }
            } catch (RuntimeException | OrtException e) {
                result.close();
                throw e;
            }
            cache.replace(result, total);
            return logits;
        } catch (OrtException e) {
            throw new LocalInferenceException(
                    "ONNX Runtime failed on " + modelFile.getFileName() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // ONNX Runtime Java reports use after close this way
            throw new io.hybridllm.core.errors.ModelNotAvailableException("the local model session is closed", e);
        } finally {
            for (OnnxTensor t : owned) {
                t.close();
            }
        }
    }

    private float[] lastLogits(OrtSession.Result result, int seq) throws OrtException {
        OnnxValue v = result.get("logits").orElseThrow();
        OnnxTensor t = (OnnxTensor) v;
        float[] out = new float[vocab];
        if (t.getInfo().type == OnnxJavaType.FLOAT16) {
            ShortBuffer all = t.getShortBuffer();
            for (int i = 0; i < vocab; i++) {
                out[i] = halfToFloat(all.get((seq - 1) * vocab + i));
            }
        } else {
            FloatBuffer all = t.getFloatBuffer();
            all.position((seq - 1) * vocab);
            all.get(out);
        }
        return out;
    }

    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float f = mant / 1024f / 16384f;
            return sign == 0 ? f : -f;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private OnnxTensor longs(long[] values, List<OnnxTensor> owned) throws OrtException {
        OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[] {1, values.length});
        owned.add(t);
        return t;
    }

    private OnnxTensor emptyKv(List<OnnxTensor> owned) throws OrtException {
        long[] shape = {1, kvHeads, 0, headDim};
        OnnxTensor t = kvType == OnnxJavaType.FLOAT16
                ? OnnxTensor.createTensor(
                        env, ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()), shape, OnnxJavaType.FLOAT16)
                : OnnxTensor.createTensor(env, FloatBuffer.allocate(0), shape);
        owned.add(t);
        return t;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only fails on a double close; nothing to report
        }
    }

    /** The KV cache of one generation: the last run's present tensors, plus reusable buffers. Not thread-safe. */
    public static final class KvCache implements AutoCloseable {
        private OrtSession.Result result;
        private int length;
        private LongBuffer onesBuffer;
        private LongBuffer idBuffer;
        private LongBuffer posBuffer;
        private OnnxTensor idTensor;
        private OnnxTensor posTensor;
        private FloatBuffer logitsBuffer;
        private OnnxTensor logitsTensor;

        private KvCache(OrtSession.Result result, int length) {
            this.result = result;
            this.length = length;
        }

        /** Cached positions. */
        public int length() {
            return length;
        }

        private static LongBuffer directLongs(int n) {
            return ByteBuffer.allocateDirect(n * 8)
                    .order(ByteOrder.nativeOrder())
                    .asLongBuffer();
        }

        void prepareDecode(OrtEnvironment env, int vocab) throws OrtException {
            if (idTensor == null) {
                idBuffer = directLongs(1);
                posBuffer = directLongs(1);
                idTensor = OnnxTensor.createTensor(env, idBuffer, new long[] {1, 1});
                posTensor = OnnxTensor.createTensor(env, posBuffer, new long[] {1, 1});
                logitsBuffer = ByteBuffer.allocateDirect(vocab * 4)
                        .order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                logitsTensor = OnnxTensor.createTensor(env, logitsBuffer, new long[] {1, 1, vocab});
            }
        }

        /** A direct buffer of {@code n} ones (grown by doubling). */
        LongBuffer ones(int n) {
            if (onesBuffer == null || onesBuffer.capacity() < n) {
                onesBuffer = directLongs(Math.max(64, Integer.highestOneBit(n) * 2));
                for (int i = 0; i < onesBuffer.capacity(); i++) {
                    onesBuffer.put(i, 1L);
                }
            }
            return onesBuffer.duplicate().position(0).limit(n).slice();
        }

        void replace(OrtSession.Result next, int newLength) {
            closeResult();
            result = next;
            length = newLength;
        }

        private void closeResult() {
            if (result != null) {
                result.close();
                result = null;
            }
        }

        @Override
        public void close() {
            closeResult();
            for (OnnxTensor t : new OnnxTensor[] {idTensor, posTensor, logitsTensor}) {
                if (t != null) {
                    t.close();
                }
            }
            idTensor = null;
            posTensor = null;
            logitsTensor = null;
        }
    }
}
