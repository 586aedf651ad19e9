package io.hybridllm.core.errors;

/**
 * The remote endpoint could not be reached at all (no network, DNS failure, connection refused or reset). Unlike
 * a {@link RemoteServiceException}, the server never said anything: the device is likely offline.
 */
public class ConnectivityException extends BackendUnavailableException {
    private static final long serialVersionUID = 1L;

    public ConnectivityException(String message, Throwable cause) {
        super(message, cause);
    }
}
