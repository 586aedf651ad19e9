package io.hybridllm.core.errors;

/**
 * A remote endpoint's circuit breaker is open after repeated failures, so the call was not sent at all. The router
 * may send the request to the other backend.
 */
public class CircuitOpenException extends BackendUnavailableException {
    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String message) {
        super(message);
    }

    public CircuitOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
