package io.hybridllm.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A fragment of a tool call in a streamed answer. The first fragment of a call carries its id and name; later
 * ones with the same {@link #index()} carry further pieces of the JSON arguments. Immutable.
 */
public final class ToolCallDelta {
    private final int index;
    private final String id;
    private final String name;
    private final String argumentsFragment;

    private ToolCallDelta(int index, String id, String name, String argumentsFragment) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.argumentsFragment = Objects.requireNonNull(argumentsFragment, "argumentsFragment == null");
    }

    public static ToolCallDelta of(int index, String id, String name, String argumentsFragment) {
        return new ToolCallDelta(index, id, name, argumentsFragment);
    }

    /** The position of the call among the parallel tool calls of one choice. */
    public int index() {
        return index;
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public String argumentsFragment() {
        return argumentsFragment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolCallDelta d
                && index == d.index
                && Objects.equals(id, d.id)
                && Objects.equals(name, d.name)
                && argumentsFragment.equals(d.argumentsFragment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, name, argumentsFragment);
    }

    @Override
    public String toString() {
        return "ToolCallDelta{index=" + index + ", id=" + id + ", name=" + name + "}";
    }
}
