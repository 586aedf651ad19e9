package io.hybridllm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of a streamed answer: new text and/or tool-call fragments for one choice, and, at the end, the finish
 * reason and usage. Immutable.
 *
 * <p>A chunk that only reports usage (sent by OpenAI-style servers after the last choice chunk) has an empty
 * {@link #delta()} and a present {@link #usage()}.
 */
public final class ChatChunk {
    private final String id;
    private final String model;
    private final int choiceIndex;
    private final String delta;
    private final List<ToolCallDelta> toolCallDeltas;
    private final FinishReason finishReason;
    private final Usage usage;
    private final List<TokenLogprob> logprobs;
    private final String refusal;

    private ChatChunk(Builder b) {
        this.id = b.id;
        this.model = b.model;
        this.choiceIndex = b.choiceIndex;
        this.delta = b.delta;
        this.toolCallDeltas = List.copyOf(b.toolCallDeltas);
        this.finishReason = b.finishReason;
        this.usage = b.usage;
        this.logprobs = List.copyOf(b.logprobs);
        this.refusal = b.refusal;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A text-only chunk for choice 0. */
    public static ChatChunk ofText(String delta) {
        return builder().delta(delta).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.model = model;
        b.choiceIndex = choiceIndex;
        b.delta = delta;
        b.toolCallDeltas.addAll(toolCallDeltas);
        b.finishReason = finishReason;
        b.usage = usage;
        b.logprobs.addAll(logprobs);
        b.refusal = refusal;
        return b;
    }

    public String id() {
        return id;
    }

    public String model() {
        return model;
    }

    /** Which choice this chunk belongs to (0 unless {@code n > 1}). */
    public int choiceIndex() {
        return choiceIndex;
    }

    /** The new text; may be empty. */
    public String delta() {
        return delta;
    }

    public List<ToolCallDelta> toolCallDeltas() {
        return toolCallDeltas;
    }

    /** Present on the last chunk of a choice. */
    public Optional<FinishReason> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /** Present on the chunk that reports usage, usually the last one. */
    public Optional<Usage> usage() {
        return Optional.ofNullable(usage);
    }

    public List<TokenLogprob> logprobs() {
        return logprobs;
    }

    /** A fragment of the model's refusal message (streamed instead of text when it declines); may be empty. */
    public String refusal() {
        return refusal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatChunk c
                && id.equals(c.id)
                && model.equals(c.model)
                && choiceIndex == c.choiceIndex
                && delta.equals(c.delta)
                && toolCallDeltas.equals(c.toolCallDeltas)
                && Objects.equals(finishReason, c.finishReason)
                && Objects.equals(usage, c.usage)
                && logprobs.equals(c.logprobs)
                && refusal.equals(c.refusal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, model, choiceIndex, delta, toolCallDeltas, finishReason, usage, logprobs, refusal);
    }

    @Override
    public String toString() {
        return "ChatChunk{choice=" + choiceIndex + ", delta=" + delta.length() + " chars"
                + (finishReason == null ? "" : ", finishReason=" + finishReason)
                + (usage == null ? "" : ", usage=" + usage) + "}";
    }

    /** Builds a {@link ChatChunk}. Not thread-safe. */
    public static final class Builder {
        private String id = "";
        private String model = "";
        private int choiceIndex;
        private String delta = "";
        private final List<ToolCallDelta> toolCallDeltas = new ArrayList<>();
        private FinishReason finishReason;
        private Usage usage;
        private final List<TokenLogprob> logprobs = new ArrayList<>();
        private String refusal = "";

        private Builder() {}

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id == null");
            return this;
        }

        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return this;
        }

        public Builder choiceIndex(int choiceIndex) {
            if (choiceIndex < 0) {
                throw new IllegalArgumentException("choiceIndex must be >= 0: " + choiceIndex);
            }
            this.choiceIndex = choiceIndex;
            return this;
        }

        public Builder delta(String delta) {
            this.delta = Objects.requireNonNull(delta, "delta == null");
            return this;
        }

        public Builder addToolCallDelta(ToolCallDelta toolCallDelta) {
            toolCallDeltas.add(Objects.requireNonNull(toolCallDelta, "toolCallDelta == null"));
            return this;
        }

        public Builder finishReason(FinishReason finishReason) {
            this.finishReason = finishReason;
            return this;
        }

        public Builder usage(Usage usage) {
            this.usage = usage;
            return this;
        }

        public Builder addLogprob(TokenLogprob logprob) {
            logprobs.add(Objects.requireNonNull(logprob, "logprob == null"));
            return this;
        }

        /** Sets the refusal fragment. */
        public Builder refusal(String refusal) {
            this.refusal = Objects.requireNonNull(refusal, "refusal == null");
            return this;
        }

        public ChatChunk build() {
            return new ChatChunk(this);
        }
    }
}
