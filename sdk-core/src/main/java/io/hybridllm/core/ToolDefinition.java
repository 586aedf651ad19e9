package io.hybridllm.core;

import java.util.Objects;

/**
 * A function the model may call, with its parameters as a JSON-schema string. Immutable.
 *
 * <p>A request that carries tools needs a backend that supports them; the default routing policy sends it to
 * the remote backend when the local model cannot call tools.
 */
public final class ToolDefinition {
    private final String name;
    private final String description;
    private final String parametersJsonSchema;

    private ToolDefinition(String name, String description, String parametersJsonSchema) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.description = description == null ? "" : description;
        this.parametersJsonSchema = parametersJsonSchema == null ? "{}" : parametersJsonSchema;
        if (name.isBlank()) {
            throw new IllegalArgumentException("tool name is blank");
        }
    }

    /** Creates a function tool. {@code parametersJsonSchema} is a JSON schema object as text. */
    public static ToolDefinition function(String name, String description, String parametersJsonSchema) {
        return new ToolDefinition(name, description, parametersJsonSchema);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The JSON schema of the parameters, as text. */
    public String parametersJsonSchema() {
        return parametersJsonSchema;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolDefinition t
                && name.equals(t.name)
                && description.equals(t.description)
                && parametersJsonSchema.equals(t.parametersJsonSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, parametersJsonSchema);
    }

    @Override
    public String toString() {
        return "ToolDefinition{name=" + name + "}";
    }
}
