package io.hybridllm.core;

import java.util.Objects;

/**
 * Why generation stopped. Servers add new reasons over time, so this is not an enum: an unknown value is kept
 * as-is and {@link #known()} returns {@link Known#UNKNOWN} for it.
 */
public final class FinishReason {
    /** The reasons this library knows. */
    public enum Known {
        STOP,
        LENGTH,
        TOOL_CALLS,
        CONTENT_FILTER,
        FUNCTION_CALL,
        /** Generation was cancelled by the caller (local backend only). */
        CANCELLED,
        UNKNOWN
    }

    public static final FinishReason STOP = new FinishReason("stop", Known.STOP);
    public static final FinishReason LENGTH = new FinishReason("length", Known.LENGTH);
    public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls", Known.TOOL_CALLS);
    public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter", Known.CONTENT_FILTER);
    public static final FinishReason FUNCTION_CALL = new FinishReason("function_call", Known.FUNCTION_CALL);
    public static final FinishReason CANCELLED = new FinishReason("cancelled", Known.CANCELLED);

    private final String value;
    private final Known known;

    private FinishReason(String value, Known known) {
        this.value = value;
        this.known = known;
    }

    /** Parses a wire value; never fails. */
    public static FinishReason of(String value) {
        Objects.requireNonNull(value, "value == null");
        switch (value) {
            case "stop":
                return STOP;
            case "length":
                return LENGTH;
            case "tool_calls":
                return TOOL_CALLS;
            case "content_filter":
                return CONTENT_FILTER;
            case "function_call":
                return FUNCTION_CALL;
            case "cancelled":
                return CANCELLED;
            default:
                return new FinishReason(value, Known.UNKNOWN);
        }
    }

    /** The raw value as the server sent it. */
    public String value() {
        return value;
    }

    public Known known() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinishReason f && value.equals(f.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
