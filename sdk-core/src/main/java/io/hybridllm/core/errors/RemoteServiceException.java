package io.hybridllm.core.errors;

import java.util.Optional;

/**
 * The remote endpoint answered with an error status or an error object. Carries the HTTP status, the error code
 * and request id the server gave, and the server's message. Subclasses name the status classes.
 */
public class RemoteServiceException extends HybridException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String requestId;
    private final String serverMessage;

    public RemoteServiceException(
            String message,
            int statusCode,
            String errorCode,
            String requestId,
            String serverMessage,
            boolean retryable) {
        super(message, retryable);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.serverMessage = serverMessage;
    }

    /** The HTTP status, or 0 for an error object sent inside a 200 event stream. */
    public int statusCode() {
        return statusCode;
    }

    /** The server's error code (e.g. {@code "rate_limit_exceeded"}), when it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The server's request id ({@code x-request-id}), for support tickets. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The server's error message, when it sent one. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }
}
