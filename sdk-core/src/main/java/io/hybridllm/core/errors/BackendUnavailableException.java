package io.hybridllm.core.errors;

/**
 * A backend cannot serve requests right now: no network, a refused connection, an open circuit breaker, a local
 * model that is absent or still loading. The router may send the request to the other backend.
 */
public class BackendUnavailableException extends HybridException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message, true);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
