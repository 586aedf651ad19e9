package io.hybridllm.core.errors;

/**
 * The root of every exception this SDK throws from its public API. Unchecked, like OkHttp's and openai-java's
 * failures; no library exception (IOException, OrtException, JsonSyntaxException) escapes the client, it is
 * wrapped as the cause of one of these.
 *
 * <p>{@link #isRetryable()} tells whether the same request may succeed if sent again to the same backend.
 * Messages never contain API keys or prompt text.
 */
public class HybridException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public HybridException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public HybridException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether sending the same request again to the same backend may succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
