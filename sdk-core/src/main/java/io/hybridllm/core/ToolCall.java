package io.hybridllm.core;

import java.util.Objects;

/** A function call requested by the model: an id, a function name and its JSON arguments. Immutable. */
public final class ToolCall {
    private final String id;
    private final String name;
    private final String arguments;

    private ToolCall(String id, String name, String arguments) {
        this.id = Objects.requireNonNull(id, "id == null");
        this.name = Objects.requireNonNull(name, "name == null");
        this.arguments = Objects.requireNonNull(arguments, "arguments == null");
    }

    /** Creates a tool call; {@code arguments} is the raw JSON text the model produced. */
    public static ToolCall of(String id, String name, String arguments) {
        return new ToolCall(id, name, arguments);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The arguments as raw JSON text, exactly as the model produced them (possibly invalid JSON). */
    public String arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolCall t && id.equals(t.id) && name.equals(t.name) && arguments.equals(t.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, arguments);
    }

    @Override
    public String toString() {
        return "ToolCall{id=" + id + ", name=" + name + ", arguments=" + arguments.length() + " chars}";
    }
}
