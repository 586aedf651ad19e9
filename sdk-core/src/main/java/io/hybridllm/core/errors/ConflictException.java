package io.hybridllm.core.errors;

/** HTTP 409 the request conflicted with another one in flight (e.g. a lock); retryable. */
public class ConflictException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, true);
    }
}
