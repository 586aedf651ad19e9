package io.hybridllm.core.errors;

/** HTTP 403 the key may not use this model or resource. */
public class PermissionDeniedException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(
            String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, false);
    }
}
