package io.hybridllm.core.errors;

/** HTTP 400 or 422 the server rejected the request as invalid. */
public class BadRequestException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(
            String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, false);
    }
}
