package io.hybridllm.core.errors;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: too many requests or tokens. Retryable, after {@link #retryAfter()} when the server said. */
public class RateLimitedException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(
            String message,
            int statusCode,
            String errorCode,
            String requestId,
            String serverMessage,
            Duration retryAfter) {
        super(message, statusCode, errorCode, requestId, serverMessage, true);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait ({@code Retry-After} / {@code Retry-After-Ms}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
