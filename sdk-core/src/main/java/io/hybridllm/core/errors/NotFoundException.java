package io.hybridllm.core.errors;

/** HTTP 404 the model or endpoint does not exist. */
public class NotFoundException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, false);
    }
}
