package io.hybridllm.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One generated alternative of a {@link ChatResponse}. Immutable. */
public final class ChatChoice {
    private final int index;
    private final ChatMessage message;
    private final FinishReason finishReason;
    private final String refusal;
    private final List<TokenLogprob> logprobs;

    private ChatChoice(
            int index, ChatMessage message, FinishReason finishReason, String refusal, List<TokenLogprob> logprobs) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        this.index = index;
        this.message = Objects.requireNonNull(message, "message == null");
        this.finishReason = finishReason;
        this.refusal = refusal;
        this.logprobs = List.copyOf(logprobs);
    }

    public static ChatChoice of(int index, ChatMessage message, FinishReason finishReason) {
        return new ChatChoice(index, message, finishReason, null, List.of());
    }

    /** A choice with the optional refusal text and per-token log-probabilities. */
    public static ChatChoice of(
            int index, ChatMessage message, FinishReason finishReason, String refusal, List<TokenLogprob> logprobs) {
        return new ChatChoice(index, message, finishReason, refusal, logprobs);
    }

    public int index() {
        return index;
    }

    /** The assistant message: text and/or tool calls. */
    public ChatMessage message() {
        return message;
    }

    /** Empty when the backend did not say why it stopped. */
    public Optional<FinishReason> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /** The model's refusal message, when it declined to answer. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Per-token log-probabilities, when requested and reported. */
    public List<TokenLogprob> logprobs() {
        return logprobs;
    }

    /** Returns a copy with the message replaced. */
    public ChatChoice withMessage(ChatMessage newMessage) {
        return new ChatChoice(index, newMessage, finishReason, refusal, logprobs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatChoice c
                && index == c.index
                && message.equals(c.message)
                && Objects.equals(finishReason, c.finishReason)
                && Objects.equals(refusal, c.refusal)
                && logprobs.equals(c.logprobs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, message, finishReason, refusal, logprobs);
    }

    @Override
    public String toString() {
        return "ChatChoice{index=" + index + ", finishReason=" + finishReason + ", message=" + message + "}";
    }
}
