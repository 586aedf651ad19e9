package io.hybridllm.core.errors;

/** The prompt (plus the requested completion) does not fit the model's context window. */
public class ContextLengthExceededException extends HybridException {
    private static final long serialVersionUID = 1L;

    private final int promptTokens;
    private final int contextWindow;

    public ContextLengthExceededException(String message, int promptTokens, int contextWindow) {
        super(message, false);
        this.promptTokens = promptTokens;
        this.contextWindow = contextWindow;
    }

    /** The prompt's length in tokens (as counted or estimated). */
    public int promptTokens() {
        return promptTokens;
    }

    /** The model's context window in tokens. */
    public int contextWindow() {
        return contextWindow;
    }
}
