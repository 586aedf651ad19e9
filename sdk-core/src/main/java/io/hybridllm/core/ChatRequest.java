package io.hybridllm.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A chat request in the OpenAI chat-completions shape. Immutable; use {@link #builder()} or {@link #toBuilder()}.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .addSystemMessage("You are terse.")
 *     .addUserMessage("Name three primes.")
 *     .maxTokens(64)
 *     .temperature(0.0)
 *     .build();
 * }</pre>
 *
 * <p>The {@link #model()} is a hint: the remote backend sends it as the model name when set, the local backend
 * ignores it. Unset sampling parameters are left to the backend's defaults.
 */
public final class ChatRequest {
    private final List<ChatMessage> messages;
    private final String model;
    private final Double temperature;
    private final Double topP;
    private final Integer maxTokens;
    private final List<String> stop;
    private final Long seed;
    private final Integer n;
    private final ResponseFormat responseFormat;
    private final List<ToolDefinition> tools;
    private final String toolChoice;
    private final String user;
    private final boolean logprobs;
    private final Integer topLogprobs;
    private final Duration timeout;
    private final Map<String, Object> extraBody;

    private ChatRequest(Builder b) {
        this.messages = List.copyOf(b.messages);
        this.model = b.model;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxTokens = b.maxTokens;
        this.stop = List.copyOf(b.stop);
        this.seed = b.seed;
        this.n = b.n;
        this.responseFormat = b.responseFormat;
        this.tools = List.copyOf(b.tools);
        this.toolChoice = b.toolChoice;
        this.user = b.user;
        this.logprobs = b.logprobs;
        this.topLogprobs = b.topLogprobs;
        this.timeout = b.timeout;
        this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraBody));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A request holding one user message. */
    public static ChatRequest ofUserMessage(String text) {
        return builder().addUserMessage(text).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The conversation, oldest first; never empty. */
    public List<ChatMessage> messages() {
        return messages;
    }

    /** The text of the last user message, or the empty string when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    public OptionalDouble temperature() {
        return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    public OptionalDouble topP() {
        return topP == null ? OptionalDouble.empty() : OptionalDouble.of(topP);
    }

    public OptionalInt maxTokens() {
        return maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens);
    }

    public List<String> stop() {
        return stop;
    }

    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** How many choices to generate ({@code n}); unset means one. */
    public OptionalInt n() {
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    public Optional<ResponseFormat> responseFormat() {
        return Optional.ofNullable(responseFormat);
    }

    public List<ToolDefinition> tools() {
        return tools;
    }

    /** {@code tool_choice}: {@code "auto"}, {@code "none"}, {@code "required"} or a function name. */
    public Optional<String> toolChoice() {
        return Optional.ofNullable(toolChoice);
    }

    /** The end-user id ({@code user}), also the key for sticky experiment buckets. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Whether per-token log-probabilities are requested. */
    public boolean logprobs() {
        return logprobs;
    }

    public OptionalInt topLogprobs() {
        return topLogprobs == null ? OptionalInt.empty() : OptionalInt.of(topLogprobs);
    }

    /** A whole-call timeout for this request, overriding the client's. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Vendor-specific body fields sent as-is by the remote backend (e.g. vLLM's {@code top_k}). Values are
     * strings, numbers, booleans, lists, maps or null.
     */
    public Map<String, Object> extraBody() {
        return extraBody;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatRequest r
                && messages.equals(r.messages)
                && Objects.equals(model, r.model)
                && Objects.equals(temperature, r.temperature)
                && Objects.equals(topP, r.topP)
                && Objects.equals(maxTokens, r.maxTokens)
                && stop.equals(r.stop)
                && Objects.equals(seed, r.seed)
                && Objects.equals(n, r.n)
                && Objects.equals(responseFormat, r.responseFormat)
                && tools.equals(r.tools)
                && Objects.equals(toolChoice, r.toolChoice)
                && Objects.equals(user, r.user)
                && logprobs == r.logprobs
                && Objects.equals(topLogprobs, r.topLogprobs)
                && Objects.equals(timeout, r.timeout)
                && extraBody.equals(r.extraBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                messages,
                model,
                temperature,
                topP,
                maxTokens,
                stop,
                seed,
                n,
                responseFormat,
                tools,
                toolChoice,
                user,
                logprobs,
                topLogprobs,
                timeout,
                extraBody);
    }

    /** Describes the request without message text. */
    @Override
    public String toString() {
        return "ChatRequest{messages=" + messages.size()
                + (model == null ? "" : ", model=" + model)
                + (maxTokens == null ? "" : ", maxTokens=" + maxTokens)
                + (tools.isEmpty() ? "" : ", tools=" + tools.size())
                + "}";
    }

    /** Builds a {@link ChatRequest}. Setters validate at once; not thread-safe. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private String model;
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private final List<String> stop = new ArrayList<>();
        private Long seed;
        private Integer n;
        private ResponseFormat responseFormat;
        private final List<ToolDefinition> tools = new ArrayList<>();
        private String toolChoice;
        private String user;
        private boolean logprobs;
        private Integer topLogprobs;
        private Duration timeout;
        private final Map<String, Object> extraBody = new LinkedHashMap<>();

        private Builder() {}

        private Builder(ChatRequest r) {
            messages.addAll(r.messages);
            model = r.model;
            temperature = r.temperature;
            topP = r.topP;
            maxTokens = r.maxTokens;
            stop.addAll(r.stop);
            seed = r.seed;
            n = r.n;
            responseFormat = r.responseFormat;
            tools.addAll(r.tools);
            toolChoice = r.toolChoice;
            user = r.user;
            logprobs = r.logprobs;
            topLogprobs = r.topLogprobs;
            timeout = r.timeout;
            extraBody.putAll(r.extraBody);
        }

        public Builder addMessage(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message == null"));
            return this;
        }

        /** Replaces all messages. */
        public Builder messages(List<ChatMessage> messages) {
            Objects.requireNonNull(messages, "messages == null");
            this.messages.clear();
            messages.forEach(this::addMessage);
            return this;
        }

        public Builder addSystemMessage(String text) {
            return addMessage(ChatMessage.system(text));
        }

        public Builder addUserMessage(String text) {
            return addMessage(ChatMessage.user(text));
        }

        public Builder addAssistantMessage(String text) {
            return addMessage(ChatMessage.assistant(text));
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** @throws IllegalArgumentException unless {@code 0 <= temperature <= 2} */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** @throws IllegalArgumentException unless {@code 0 < topP <= 1} */
        public Builder topP(double topP) {
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1]: " + topP);
            }
            this.topP = topP;
            return this;
        }

        /** @throws IllegalArgumentException if {@code maxTokens < 1} */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder addStop(String sequence) {
            Objects.requireNonNull(sequence, "sequence == null");
            if (sequence.isEmpty()) {
                throw new IllegalArgumentException("stop sequence is empty");
            }
            stop.add(sequence);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @throws IllegalArgumentException if {@code n < 1} */
        public Builder n(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be >= 1: " + n);
            }
            this.n = n;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder addTool(ToolDefinition tool) {
            tools.add(Objects.requireNonNull(tool, "tool == null"));
            return this;
        }

        public Builder toolChoice(String toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder logprobs(boolean logprobs) {
            this.logprobs = logprobs;
            return this;
        }

        /** @throws IllegalArgumentException unless {@code 0 <= topLogprobs <= 20} */
        public Builder topLogprobs(int topLogprobs) {
            if (topLogprobs < 0 || topLogprobs > 20) {
                throw new IllegalArgumentException("topLogprobs must be in [0, 20]: " + topLogprobs);
            }
            this.topLogprobs = topLogprobs;
            return this;
        }

        /** @throws IllegalArgumentException if the timeout is not positive */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout == null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Adds a vendor-specific body field; a {@code null} value is sent as JSON null. */
        public Builder putExtraBodyProperty(String name, Object value) {
            Objects.requireNonNull(name, "name == null");
            extraBody.put(name, value);
            return this;
        }

        /** @throws IllegalStateException if there are no messages */
        public ChatRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalStateException("a chat request needs at least one message");
            }
            return new ChatRequest(this);
        }
    }
}
