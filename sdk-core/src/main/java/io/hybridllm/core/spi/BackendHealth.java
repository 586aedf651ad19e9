package io.hybridllm.core.spi;

import java.util.Objects;

/** What a backend says about its readiness, read by the router before each decision. Immutable. */
public final class BackendHealth {
    /** Readiness states. */
    public enum State {
        /** Serving requests. */
        READY,
        /** Will serve soon: a model is being downloaded or loaded. */
        STARTING,
        /** Cannot serve now: offline, circuit open, model absent or broken. */
        UNAVAILABLE
    }

    private static final BackendHealth READY = new BackendHealth(State.READY, "ready");

    private final State state;
    private final String detail;

    private BackendHealth(State state, String detail) {
        this.state = Objects.requireNonNull(state, "state == null");
        this.detail = Objects.requireNonNull(detail, "detail == null");
    }

    public static BackendHealth ready() {
        return READY;
    }

    public static BackendHealth starting(String detail) {
        return new BackendHealth(State.STARTING, detail);
    }

    public static BackendHealth unavailable(String detail) {
        return new BackendHealth(State.UNAVAILABLE, detail);
    }

    public State state() {
        return state;
    }

    /** A short human-readable reason, e.g. {@code "circuit open after 5 failures"}. */
    public String detail() {
        return detail;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendHealth h && state == h.state && detail.equals(h.detail);
    }

    @Override
    public int hashCode() {
        return state.hashCode() * 31 + detail.hashCode();
    }

    @Override
    public String toString() {
        return state + " (" + detail + ")";
    }
}
