package io.hybridllm.remote;

/** The state of one endpoint's circuit breaker. */
public enum CircuitState {
    /** Calls go through; consecutive failures are counted. */
    CLOSED,
    /** Too many consecutive failures: calls are refused at once until the open interval has passed. */
    OPEN,
    /** The open interval has passed: one trial call may go through; its outcome closes or re-opens the circuit. */
    HALF_OPEN
}
