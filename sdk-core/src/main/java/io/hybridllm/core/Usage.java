package io.hybridllm.core;

/** Token counts for one call. Immutable. Detail counts are zero when the backend did not report them. */
public final class Usage {
    private static final Usage EMPTY = new Usage(0, 0, 0, 0);

    private final int promptTokens;
    private final int completionTokens;
    private final int cachedPromptTokens;
    private final int reasoningTokens;

    private Usage(int promptTokens, int completionTokens, int cachedPromptTokens, int reasoningTokens) {
        if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.cachedPromptTokens = cachedPromptTokens;
        this.reasoningTokens = reasoningTokens;
    }

    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, 0, 0);
    }

    /** Usage with the prompt-cache and reasoning details some gateways report. */
    public static Usage of(int promptTokens, int completionTokens, int cachedPromptTokens, int reasoningTokens) {
        return new Usage(promptTokens, completionTokens, cachedPromptTokens, reasoningTokens);
    }

    public static Usage empty() {
        return EMPTY;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int completionTokens() {
        return completionTokens;
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** Prompt tokens served from the provider's prompt cache ({@code prompt_tokens_details.cached_tokens}). */
    public int cachedPromptTokens() {
        return cachedPromptTokens;
    }

    /** Completion tokens spent on hidden reasoning ({@code completion_tokens_details.reasoning_tokens}). */
    public int reasoningTokens() {
        return reasoningTokens;
    }

    /** The element-wise sum, e.g. for a call and its shadow. */
    public Usage plus(Usage other) {
        return new Usage(
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                cachedPromptTokens + other.cachedPromptTokens,
                reasoningTokens + other.reasoningTokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Usage u
                && promptTokens == u.promptTokens
                && completionTokens == u.completionTokens
                && cachedPromptTokens == u.cachedPromptTokens
                && reasoningTokens == u.reasoningTokens;
    }

    @Override
    public int hashCode() {
        return ((promptTokens * 31 + completionTokens) * 31 + cachedPromptTokens) * 31 + reasoningTokens;
    }

    @Override
    public String toString() {
        return "Usage{prompt=" + promptTokens + ", completion=" + completionTokens
                + (cachedPromptTokens > 0 ? ", cached=" + cachedPromptTokens : "")
                + (reasoningTokens > 0 ? ", reasoning=" + reasoningTokens : "") + "}";
    }
}
