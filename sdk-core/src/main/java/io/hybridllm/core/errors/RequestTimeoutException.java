package io.hybridllm.core.errors;

/** A call took longer than its connect, read or whole-call timeout. Retryable. */
public class RequestTimeoutException extends HybridException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message, true);
    }

    public RequestTimeoutException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
