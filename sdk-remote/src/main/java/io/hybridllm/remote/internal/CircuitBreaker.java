package io.hybridllm.remote.internal;

import io.hybridllm.remote.CircuitState;
import java.time.Clock;
import java.time.Duration;

/**
 * A consecutive-failure circuit breaker for one endpoint. Closed, it counts consecutive failures and opens at the
 * threshold; open, it refuses calls until {@code openDuration} has passed on the injected clock; then it admits one
 * trial call at a time (half-open) whose success closes it and whose failure opens it again. Thread-safe.
 */
public final class CircuitBreaker {
    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;

    private volatile CircuitState state = CircuitState.CLOSED;
    private volatile int consecutiveFailures;
    private long openedAtMillis;
    private boolean trialInFlight;
    private String lastFailure = "";
    private boolean lastFailureOffline;

    public CircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** The state now; an open circuit whose interval has passed reads as half-open. */
    public synchronized CircuitState state() {
        if (state == CircuitState.OPEN && intervalPassed()) {
            return CircuitState.HALF_OPEN;
        }
        return state;
    }

    /** Whether a call may go out now; in half-open, claims the one trial slot. Lock-free while closed. */
    public boolean tryAcquire() {
        if (state == CircuitState.CLOSED) {
            return true;
        }
        return tryAcquireSlow();
    }

    private synchronized boolean tryAcquireSlow() {
        if (state == CircuitState.OPEN && intervalPassed()) {
            state = CircuitState.HALF_OPEN;
            trialInFlight = false;
        }
        switch (state) {
            case CLOSED:
                return true;
            case HALF_OPEN:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
            default:
                return false;
        }
    }

    /** Whether a call could go out now, without claiming anything; cheap, for health checks. */
    public synchronized boolean admitsCalls() {
        if (state == CircuitState.OPEN) {
            return intervalPassed();
        }
        return state == CircuitState.CLOSED || !trialInFlight;
    }

    /** Records a success; lock-free when the circuit is closed with no failures counted. */
    public void onSuccess() {
        if (state == CircuitState.CLOSED && consecutiveFailures == 0) {
            return;
        }
        onSuccessSlow();
    }

    private synchronized void onSuccessSlow() {
        state = CircuitState.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** Records a failure that says the endpoint is unhealthy; {@code offline} when it was never reached. */
    public synchronized void onFailure(String description, boolean offline) {
        lastFailure = description;
        lastFailureOffline = offline;
        consecutiveFailures++;
        if (state == CircuitState.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = CircuitState.OPEN;
            openedAtMillis = clock.millis();
            trialInFlight = false;
        }
    }

    /** Releases a half-open trial slot after an outcome that says nothing about the endpoint's health. */
    public synchronized void onNeutral() {
        trialInFlight = false;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized String lastFailure() {
        return lastFailure;
    }

    public synchronized boolean lastFailureOffline() {
        return lastFailureOffline;
    }

    /** How long until an open circuit admits a trial call. */
    public synchronized Duration remainingOpen() {
        if (state != CircuitState.OPEN) {
            return Duration.ZERO;
        }
        long left = openedAtMillis + openDuration.toMillis() - clock.millis();
        return Duration.ofMillis(Math.max(0, left));
    }

    private boolean intervalPassed() {
        return clock.millis() - openedAtMillis >= openDuration.toMillis();
    }
}
