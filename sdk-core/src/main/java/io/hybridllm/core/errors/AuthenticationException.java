package io.hybridllm.core.errors;

/** HTTP 401 the API key is missing, invalid or expired. */
public class AuthenticationException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(
            String message, int statusCode, String errorCode, String requestId, String serverMessage) {
        super(message, statusCode, errorCode, requestId, serverMessage, false);
    }
}
