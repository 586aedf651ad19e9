package io.hybridllm.local;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Role;
import io.hybridllm.core.errors.ContextLengthExceededException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.errors.ModelNotAvailableException;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import io.hybridllm.local.internal.ChatTemplate;
import io.hybridllm.local.internal.CompletionRun;
import io.hybridllm.local.internal.DecoderSession;
import io.hybridllm.local.internal.Generation;
import io.hybridllm.local.internal.HfTokenizer;
import io.hybridllm.local.internal.ModelConfig;
import io.hybridllm.local.internal.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The embedded local model: a decoder-only language model run in-process by ONNX Runtime, behind the
 * {@link ChatBackend} SPI. It loads a model directory in the Hugging Face Optimum layout ({@code model.onnx} or
 * {@code decoder_model_merged.onnx} with {@code past_key_values.*} inputs, {@code config.json},
 * {@code generation_config.json}, {@code tokenizer.json}, {@code tokenizer_config.json}).
 *
 * <pre>{@code
 * try (LocalChatBackend local = LocalChatBackend.builder()
 *         .modelDirectory(Path.of("models/SmolLM2-135M-Instruct"))
 *         .intraOpThreads(2)
 *         .build()) {
 *     ChatResponse r = local.chat(ChatRequest.ofUserMessage("Hi"), CallContext.create());
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One ONNX Runtime session is shared by all calls; concurrent calls are safe, each with its own KV
 * cache. <b>Decoding.</b> The prompt is prefilled in one run, then one token per run with the KV cache; greedy at
 * temperature 0, otherwise temperature / top-p (and {@code top_k}, {@code repetition_penalty} from
 * {@link ChatRequest#extraBody()}) sampling, reproducible with a seed. Generation stops at an EOS id from
 * {@code generation_config.json}, a stop sequence, {@code max_tokens}, the context window ({@code FinishReason.LENGTH})
 * or cancellation ({@code FinishReason.CANCELLED}, checked between tokens). Every chunk carries the log-probability
 * of its tokens under the model (unscaled by temperature).
 *
 * <p><b>Lifecycle.</b> {@link Builder#build()} loads the model, or with {@link Builder#loadAsync(Executor)} starts
 * loading on that executor and reports {@link BackendHealth.State#STARTING} meanwhile. {@link #close()} releases the
 * session.
 */
public final class LocalChatBackend implements ChatBackend {
    private final Path directory;
    private final int intraOpThreads;
    private final int defaultMaxTokens;
    private volatile Loaded loaded;
    private volatile BackendHealth health;
    private volatile boolean closed;

    private record Loaded(
            ModelConfig config, HfTokenizer tokenizer, ChatTemplate template, DecoderSession session, String name) {}

    private LocalChatBackend(Builder b) {
        this.directory = b.directory;
        this.intraOpThreads = b.intraOpThreads;
        this.defaultMaxTokens = b.defaultMaxTokens;
    }

    public static Builder builder() {
        return new Builder();
    }

    private void load() {
        if (!Files.isDirectory(directory)) {
            throw new ModelNotAvailableException("model directory " + directory + " does not exist");
        }
        ModelConfig config = ModelConfig.load(directory);
        Path tokenizerFile = directory.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new ModelLoadException("missing tokenizer " + tokenizerFile);
        }
        HfTokenizer tokenizer = HfTokenizer.load(tokenizerFile);
        ChatTemplate template = ChatTemplate.of(config.chatTemplate(), config.bosToken(), config.eosToken());
        DecoderSession session = DecoderSession.open(directory, config, intraOpThreads);
        loaded = new Loaded(config, tokenizer, template, session, "local:" + config.name());
        health = BackendHealth.ready();
        if (closed) {
            session.close();
        }
    }

    @Override
    public String name() {
        Loaded l = loaded;
        return l != null ? l.name() : "local:" + directory.getFileName();
    }

    /** The model's context window from {@code config.json}; tools and JSON schema are not supported. */
    @Override
    public BackendCapabilities capabilities() {
        Loaded l = loaded;
        return BackendCapabilities.builder()
                .contextWindow(l != null ? Math.max(1, l.config().contextWindow()) : 2048)
                .build();
    }

    @Override
    public BackendHealth health() {
        return closed ? BackendHealth.unavailable("closed") : health;
    }

    @Override
    public int countPromptTokens(ChatRequest request) {
        Loaded l = loaded;
        return l == null ? ChatBackend.super.countPromptTokens(request) : chatPrompt(l, request.messages()).length;
    }

    /** @throws HybridException on any failure; see {@link #chatStreaming} */
    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        ChatResponse r = chatStreaming(request, context).collect();
        return r.toBuilder().backend(name()).build();
    }

    /**
     * Streams the answer token by token; generation runs on the reading thread as chunks are pulled.
     *
     * @throws ModelNotAvailableException if the model is not loaded (yet) or the backend is closed
     * @throws ContextLengthExceededException if the prompt is longer than the context window
     * @throws LocalInferenceException if ONNX Runtime fails (also thrown while reading)
     */
    @Override
    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        Loaded l = requireLoaded();
        return start(l, chatPrompt(l, request.messages()), request, context, true);
    }

    /**
     * Raw completion, without a chat template: {@code prompt} is tokenized as is, after the BOS token when the
     * tokenizer adds one; an empty prompt starts from BOS alone. Only the sampling fields of {@code parameters} are
     * read (its messages are ignored).
     *
     * @throws ModelNotAvailableException if the model is not loaded (yet) or the backend is closed
     * @throws ContextLengthExceededException if the prompt is longer than the context window
     */
    public ChatStream completeStreaming(String prompt, ChatRequest parameters, CallContext context) {
        Loaded l = requireLoaded();
        int[] text = l.tokenizer().encode(prompt);
        int bos = l.config().bosTokenId();
        boolean addBos = bos >= 0 && (l.config().addBosToken() || text.length == 0);
        int[] ids = addBos ? prepend(bos, text) : text;
        if (ids.length == 0) {
            throw new IllegalArgumentException("empty prompt and the model has no BOS token");
        }
        return start(l, ids, parameters, context, text.length == 0);
    }

    private ChatStream start(Loaded l, int[] prompt, ChatRequest request, CallContext context, boolean startOfText) {
        int window = l.config().contextWindow();
        if (prompt.length > window) {
            throw new ContextLengthExceededException(
                    "prompt of " + prompt.length + " tokens exceeds the context window of " + window + " tokens",
                    prompt.length,
                    window);
        }
        double temperature = request.temperature().orElse(0.0);
        double topP = request.topP().orElse(1.0);
        long seed = request.seed().orElse(ThreadLocalRandom.current().nextLong());
        Map<String, Object> extra = request.extraBody();
        int topK = extra.get("top_k") instanceof Number n ? n.intValue() : 0;
        double penalty = extra.get("repetition_penalty") instanceof Number n ? n.doubleValue() : 1.0;
        int maxTokens = request.maxTokens().orElse(defaultMaxTokens);
        Generation g = new Generation(
                l.session(),
                prompt,
                new Sampler(temperature, topK, topP, penalty, seed),
                l.config().eosTokenIds(),
                maxTokens,
                window,
                context::isCancelled,
                true);
        CompletionRun run = new CompletionRun(
                g,
                l.tokenizer(),
                request.stop(),
                prompt.length,
                "local-" + UUID.randomUUID(),
                l.config().name(),
                startOfText);
        return ChatStream.of(run, run::close);
    }

    private int[] chatPrompt(Loaded l, List<ChatMessage> messages) {
        List<ChatMessage> plain = new ArrayList<>();
        for (ChatMessage m : messages) {
            plain.add(m.role() == Role.TOOL ? ChatMessage.user(m.content()) : m);
        }
        int[] ids = l.tokenizer().encode(l.template().render(plain));
        int bos = l.config().bosTokenId();
        if (!l.template().isModelTemplate() && l.config().addBosToken() && bos >= 0) {
            ids = prepend(bos, ids);
        }
        return ids;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] ids = new int[rest.length + 1];
        ids[0] = first;
        System.arraycopy(rest, 0, ids, 1, rest.length);
        return ids;
    }

    private Loaded requireLoaded() {
        if (closed) {
            throw new ModelNotAvailableException("the local backend is closed");
        }
        Loaded l = loaded;
        if (l == null) {
            throw new ModelNotAvailableException("the local model is not ready: " + health().detail());
        }
        return l;
    }

    /** Nanoseconds spent inside ONNX Runtime's {@code session.run} since loading (for benchmarks). */
    public long sessionRunNanos() {
        Loaded l = requireLoaded();
        return l.session().runNanos();
    }

    @Override
    public void close() {
        closed = true;
        Loaded l = loaded;
        if (l != null) {
            l.session().close();
        }
    }

    /** Builds a {@link LocalChatBackend}. Not thread-safe. */
    public static final class Builder {
        private Path directory;
        private int intraOpThreads =
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int defaultMaxTokens = 256;
        private Executor loadExecutor;

        private Builder() {}

        /** The model directory (required). */
        public Builder modelDirectory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory == null");
            return this;
        }

        /** ONNX Runtime intra-op threads; default {@code min(4, cores)}. */
        public Builder intraOpThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be >= 1: " + threads);
            }
            this.intraOpThreads = threads;
            return this;
        }

        /** {@code max_tokens} for requests that do not set it; default 256. */
        public Builder defaultMaxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("defaultMaxTokens must be >= 1: " + maxTokens);
            }
            this.defaultMaxTokens = maxTokens;
            return this;
        }

        /**
         * Loads the model on {@code executor} instead of in {@link #build()}; until it is loaded, {@code health()} is
         * {@code STARTING}, and after a failure {@code UNAVAILABLE} with the reason.
         */
        public Builder loadAsync(Executor executor) {
            this.loadExecutor = Objects.requireNonNull(executor, "executor == null");
            return this;
        }

        /**
         * Builds the backend, loading the model unless {@link #loadAsync} was set.
         *
         * @throws ModelNotAvailableException if the directory does not exist
         * @throws ModelLoadException if a file is missing or corrupt (the message names it)
         */
        public LocalChatBackend build() {
            if (directory == null) {
                throw new IllegalStateException("modelDirectory is required");
            }
            LocalChatBackend backend = new LocalChatBackend(this);
            if (loadExecutor == null) {
                backend.load();
            } else {
                backend.health = BackendHealth.starting("loading model from " + directory);
                loadExecutor.execute(() -> {
                    try {
                        backend.load();
                    } catch (RuntimeException e) {
                        backend.health = BackendHealth.unavailable(e.getMessage());
                    }
                });
            }
            return backend;
        }
    }
}
