package io.hybridllm.local.ner;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.privacy.EntityTagger;
import io.hybridllm.core.privacy.PrivacyItem;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A named-entity model a user brings, run in process with ONNX Runtime: a Hugging Face token-classification export
 * (BERT-family models with a WordPiece tokenizer, RoBERTa-family models with byte-level BPE) in a directory holding
 * {@code model.onnx} (or {@code onnx/model.onnx}, {@code model_quantized.onnx}), {@code tokenizer.json} and
 * {@code config.json} with {@code id2label}. Plug it into a scanner with
 * {@link io.hybridllm.core.privacy.PrivacyScanners.Builder#entityTagger}.
 *
 * <p>Texts longer than the model window (its position limit, or the tokenizer's length limit if smaller) are cut
 * into overlapping windows; each token takes its prediction from the window in which it has the most context. Labels are mapped by a {@link NerLabelMapping}; an item's confidence is its entity's mean
 * probability, its detector {@code "ner:<directory name>"}.
 *
 * <p>Thread-safe: share one instance. Close it to free the native session; {@link #tag} after {@link #close} throws
 * {@link IllegalStateException}.
 */
public final class OnnxEntityTagger implements EntityTagger, AutoCloseable {
    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    /** Where the model file may be, first match wins: optimum-cli's export, a hub layout, a quantized export. */
    private static final List<String> MODEL_FILES =
            List.of("model.onnx", "onnx/model.onnx", "model_quantized.onnx", "onnx/model_quantized.onnx");

    private final OrtEnvironment env;
    private final OrtSession session;
    private final TokenEncoder tokenizer;
    private final EntityGrouper grouper;
    private final List<String> labels;
    private final String outputName;
    private final boolean feedMask;
    private final boolean feedTypes;
    private final int window;
    private final boolean fixedLength;
    private final int overlap;
    private final int maxBatch;
    private final String detector;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxEntityTagger(
            Builder b, Path modelFile, NerConfig config, TokenEncoder tokenizer, int tokenizerMaxLength) {
        this.tokenizer = tokenizer;
        this.labels = List.of(config.labels);
        this.detector = b.detector != null ? b.detector : "ner:" + dirName(b.dir);
        this.grouper = new EntityGrouper(config.labels, b.aggregation, b.minScore, b.mapping, detector);
        this.env = OrtEnvironment.getEnvironment();
        OrtSession s;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(b.intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            s = env.createSession(modelFile.toString(), options);
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load ONNX model " + modelFile + ": " + e.getMessage(), e);
        }
        this.session = s;
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (!inputs.containsKey(INPUT_IDS)) {
                throw new ModelLoadException(modelFile + " has no input_ids input (inputs: " + inputs.keySet() + ")");
            }
            for (Map.Entry<String, NodeInfo> in : inputs.entrySet()) {
                String name = in.getKey();
                if (!name.equals(INPUT_IDS) && !name.equals(ATTENTION_MASK) && !name.equals(TOKEN_TYPE_IDS)) {
                    throw new ModelLoadException(modelFile + " has an unexpected input " + name + "; a token-"
                            + "classification model takes input_ids, attention_mask and optionally token_type_ids");
                }
                if (!(in.getValue().getInfo() instanceof TensorInfo ti) || ti.type != OnnxJavaType.INT64) {
                    throw new ModelLoadException(modelFile + ": input " + name + " must be an int64 tensor: "
                            + in.getValue().getInfo());
                }
            }
            feedMask = inputs.containsKey(ATTENTION_MASK);
            feedTypes = inputs.containsKey(TOKEN_TYPE_IDS);
            long[] idShape = ((TensorInfo) inputs.get(INPUT_IDS).getInfo()).getShape();
            if (idShape.length != 2) {
                throw new ModelLoadException(
                        modelFile + ": input_ids must be [batch, sequence], not " + Arrays.toString(idShape));
            }
            int limit = Math.min(config.maxPositions, Math.min(tokenizer.truncation(), tokenizerMaxLength));
            if (b.maxTokens > 0) {
                limit = Math.min(limit, b.maxTokens);
            }
            fixedLength = idShape[1] > 0;
            if (fixedLength) {
                limit = (int) idShape[1];
            }
            if (limit < 3) {
                throw new ModelLoadException(modelFile + ": a window of " + limit + " tokens leaves no room for text");
            }
            window = limit;
            int content = window - 2;
            overlap = b.windowOverlap >= 0 ? Math.min(b.windowOverlap, content - 1) : Math.min(128, content / 4);
            maxBatch = idShape[0] > 0 ? (int) idShape[0] : b.maxBatch;
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            if (outputs.containsKey("logits")) {
                outputName = "logits";
            } else if (outputs.size() == 1) {
                outputName = outputs.keySet().iterator().next();
            } else {
                throw new ModelLoadException(modelFile + " has no logits output (outputs: " + outputs.keySet() + ")");
            }
            if (!(outputs.get(outputName).getInfo() instanceof TensorInfo out)
                    || out.type != OnnxJavaType.FLOAT
                    || out.getShape().length != 3) {
                throw new ModelLoadException(
                        modelFile + ": output " + outputName + " must be float logits [batch, sequence, labels]: "
                                + outputs.get(outputName).getInfo());
            }
            long declared = out.getShape()[2];
            if (declared > 0 && declared != config.labels.length) {
                throw new ModelLoadException(modelFile + " predicts " + declared + " labels but its config.json"
                        + " id2label names " + config.labels.length);
            }
        } catch (OrtException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException("cannot inspect ONNX model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    /** Loads the model in {@code modelDir} with the default settings. */
    public static OnnxEntityTagger load(Path modelDir) {
        return builder(modelDir).build();
    }

    /** Starts the settings for the model in {@code modelDir}. */
    public static Builder builder(Path modelDir) {
        return new Builder(modelDir);
    }

    /**
     * The items in {@code text}: entities whose label the mapping knows and whose score is at least the minimum.
     *
     * @throws LocalInferenceException if ONNX Runtime fails or returns logits of an unexpected shape
     * @throws IllegalStateException if the tagger is closed
     */
    @Override
    public List<PrivacyItem> tag(String text) {
        Objects.requireNonNull(text, "text == null");
        TokenEncoder.Encoding enc = tokenizer.encode(text);
        if (enc.size == 0) {
            return List.of();
        }
        float[][] probs = new float[enc.size][];
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("tagger is closed");
            }
            predict(enc, probs);
        } finally {
            lock.readLock().unlock();
        }
        return grouper.group(text, enc.size, enc.starts, enc.ends, enc.words, probs);
    }

    /** Fills {@code probs[t]} with the label probabilities of token {@code t}, window by window. */
    private void predict(TokenEncoder.Encoding enc, float[][] probs) {
        int n = enc.size;
        int content = window - 2;
        List<int[]> windows = new ArrayList<>(); // {first token, end token, owned from, owned to}
        for (int s = 0; ; s += content - overlap) {
            windows.add(new int[] {s, Math.min(n, s + content), 0, 0});
            if (s + content >= n) {
                break;
            }
        }
        for (int k = 0; k < windows.size(); k++) {
            int[] w = windows.get(k);
            w[2] = k == 0 ? 0 : windows.get(k - 1)[3];
            w[3] = k == windows.size() - 1 ? n : (windows.get(k + 1)[0] + w[1] + 1) / 2;
        }
        for (int from = 0; from < windows.size(); from += maxBatch) {
            runBatch(enc, windows.subList(from, Math.min(windows.size(), from + maxBatch)), probs);
        }
    }

    private void runBatch(TokenEncoder.Encoding enc, List<int[]> batch, float[][] probs) {
        int seq = 0;
        for (int[] w : batch) {
            seq = Math.max(seq, w[1] - w[0] + 2);
        }
        if (fixedLength) {
            seq = window;
        }
        int rows = batch.size();
        long[] ids = new long[rows * seq];
        long[] mask = new long[rows * seq];
        Arrays.fill(ids, tokenizer.pad());
        for (int r = 0; r < rows; r++) {
            int[] w = batch.get(r);
            int base = r * seq;
            ids[base] = tokenizer.cls();
            for (int t = w[0]; t < w[1]; t++) {
                ids[base + 1 + t - w[0]] = enc.ids[t];
            }
            ids[base + 1 + w[1] - w[0]] = tokenizer.sep();
            Arrays.fill(mask, base, base + w[1] - w[0] + 2, 1L);
        }
        long[] shape = {rows, seq};
        int numLabels = labels.size();
        List<OnnxTensor> owned = new ArrayList<>(3);
        try {
            Map<String, OnnxTensor> feed = new HashMap<>();
            feed.put(INPUT_IDS, tensor(ids, shape, owned));
            if (feedMask) {
                feed.put(ATTENTION_MASK, tensor(mask, shape, owned));
            }
            if (feedTypes) {
                feed.put(TOKEN_TYPE_IDS, tensor(new long[ids.length], shape, owned));
            }
            try (OrtSession.Result result = session.run(feed)) {
                OnnxValue v = result.get(outputName)
                        .orElseThrow(() -> new LocalInferenceException("model returned no " + outputName));
                if (!(v instanceof OnnxTensor logits)) {
                    throw new LocalInferenceException(outputName + " is not a tensor");
                }
                long[] got = logits.getInfo().getShape();
                if (got.length != 3 || got[0] != rows || got[1] != seq || got[2] != numLabels) {
                    throw new LocalInferenceException("logits have shape " + Arrays.toString(got) + ", expected ["
                            + rows + ", " + seq + ", " + numLabels + "] (labels from config.json)");
                }
                FloatBuffer data = logits.getFloatBuffer();
                for (int r = 0; r < rows; r++) {
                    int[] w = batch.get(r);
                    for (int t = w[2]; t < w[3]; t++) {
                        int offset = ((r * seq) + 1 + t - w[0]) * numLabels;
                        probs[t] = softmax(data, offset, numLabels);
                    }
                }
            }
        } catch (OrtException e) {
            throw new LocalInferenceException("token classification failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : owned) {
                t.close();
            }
        }
    }

    private OnnxTensor tensor(long[] data, long[] shape, List<OnnxTensor> owned) throws OrtException {
        OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape);
        owned.add(t);
        return t;
    }

    private static float[] softmax(FloatBuffer data, int offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, data.get(offset + i));
        }
        double[] e = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(data.get(offset + i) - max);
            sum += e[i];
        }
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** The model's labels, by id, as {@code config.json} names them. */
    public List<String> labels() {
        return labels;
    }

    /** The window length in tokens, including {@code [CLS]} and {@code [SEP]}. */
    public int windowTokens() {
        return window;
    }

    /** The tokens two neighbouring windows share. */
    public int windowOverlap() {
        return overlap;
    }

    /** The detector name on every item, e.g. {@code "ner:bert-base-NER"}. */
    public String detector() {
        return detector;
    }

    /** Frees the native session; waits for running {@link #tag} calls. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
        } catch (OrtException e) {
            throw new LocalInferenceException("cannot close the NER session", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxEntityTagger{" + detector + ", " + labels.size() + " labels, window " + window + "}";
    }

    private static String dirName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "model" : name.toString();
    }

    /** Settings of an {@link OnnxEntityTagger}; {@link #build()} loads the model. */
    public static final class Builder {
        private final Path dir;
        private NerLabelMapping mapping = NerLabelMapping.defaults();
        private Aggregation aggregation = Aggregation.FIRST;
        private double minScore = 0.5;
        private int maxTokens;
        private int windowOverlap = -1;
        private int intraOpThreads = 1;
        private int maxBatch = 8;
        private String detector;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "modelDir == null");
        }

        /** Which labels become which items; default {@link NerLabelMapping#defaults()}. */
        public Builder labelMapping(NerLabelMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping == null");
            return this;
        }

        /** How sub-word predictions become entities; default {@link Aggregation#FIRST}. */
        public Builder aggregation(Aggregation aggregation) {
            this.aggregation = Objects.requireNonNull(aggregation, "aggregation == null");
            return this;
        }

        /** Entities whose score is below this are not reported; default 0.5. */
        public Builder minScore(double minScore) {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("minScore must be in [0, 1]: " + minScore);
            }
            this.minScore = minScore;
            return this;
        }

        /**
         * Caps the window (tokens per model run, including {@code [CLS]} and {@code [SEP]}) below the model's own
         * limit, e.g. to bound latency; default: the model's limit.
         */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 3) {
                throw new IllegalArgumentException("maxTokens must be at least 3: " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** Tokens shared by neighbouring windows; default a quarter of the window, at most 128. */
        public Builder windowOverlap(int tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("windowOverlap must not be negative: " + tokens);
            }
            this.windowOverlap = tokens;
            return this;
        }

        /** ONNX Runtime intra-op threads; default 1 (tagging runs on the caller's thread). */
        public Builder intraOpThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1: " + threads);
            }
            this.intraOpThreads = threads;
            return this;
        }

        /** Windows of one long text run together in one batch; default 8. */
        public Builder maxBatch(int windows) {
            if (windows < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1: " + windows);
            }
            this.maxBatch = windows;
            return this;
        }

        /** The detector name on items; default {@code "ner:<directory name>"}. */
        public Builder detector(String detector) {
            this.detector = Objects.requireNonNull(detector, "detector == null");
            return this;
        }

        /**
         * Loads the model.
         *
         * @throws ModelLoadException if a file is missing, corrupt or unsupported (the message names it), the
         *     config has no {@code id2label}, or the model's outputs do not match its labels
         */
        public OnnxEntityTagger build() {
            if (!Files.isDirectory(dir)) {
                throw new ModelLoadException("NER model directory not found: " + dir);
            }
            Path modelFile = null;
            for (String name : MODEL_FILES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    modelFile = dir.resolve(name);
                    break;
                }
            }
            if (modelFile == null) {
                throw new ModelLoadException("no model file in " + dir + " (looked for " + MODEL_FILES + ")");
            }
            NerConfig config = NerConfig.read(dir.resolve("config.json"));
            TokenEncoder tokenizer = TokenEncoder.read(dir.resolve("tokenizer.json"));
            int maxLength = NerConfig.modelMaxLength(dir.resolve("tokenizer_config.json"));
            return new OnnxEntityTagger(this, modelFile, config, tokenizer, maxLength);
        }
    }
}
