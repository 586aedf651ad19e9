package io.hybridllm.core.errors;

/** HTTP 404 the model or endpoint does not exist. */
public class NotFoundException extends RemoteServiceException {
    public NotFoundException(String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, false);
    }
}
