package io.hybridllm.core.errors;

/** HTTP 5xx the server failed; retryable. */
public class ServerErrorException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(
            String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, true);
    }
}
