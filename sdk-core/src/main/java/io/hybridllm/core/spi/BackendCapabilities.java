package io.hybridllm.core.spi;

/**
 * What a backend can do, read by the router to decide whether a request needs the other backend. Immutable.
 *
 * <pre>{@code
 * BackendCapabilities.builder().contextWindow(2048).build(); // text only, no tools
 * }</pre>
 */
public final class BackendCapabilities {
    private final int contextWindow;
    private final boolean tools;
    private final boolean jsonSchema;
    private final boolean images;

    private BackendCapabilities(Builder b) {
        this.contextWindow = b.contextWindow;
        this.tools = b.tools;
        this.jsonSchema = b.jsonSchema;
        this.images = b.images;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A cloud model: large window, tools, JSON schema and images. */
    public static BackendCapabilities cloudDefaults() {
        return builder()
                .contextWindow(128_000)
                .tools(true)
                .jsonSchema(true)
                .images(true)
                .build();
    }

    /** The context window in tokens (prompt plus completion). */
    public int contextWindow() {
        return contextWindow;
    }

    public boolean supportsTools() {
        return tools;
    }

    public boolean supportsJsonSchema() {
        return jsonSchema;
    }

    public boolean supportsImages() {
        return images;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendCapabilities c
                && contextWindow == c.contextWindow
                && tools == c.tools
                && jsonSchema == c.jsonSchema
                && images == c.images;
    }

    @Override
    public int hashCode() {
        return ((contextWindow * 31 + Boolean.hashCode(tools)) * 31 + Boolean.hashCode(jsonSchema)) * 31
                + Boolean.hashCode(images);
    }

    @Override
    public String toString() {
        return "BackendCapabilities{contextWindow=" + contextWindow + ", tools=" + tools + ", jsonSchema=" + jsonSchema
                + ", images=" + images + "}";
    }

    /** Builds {@link BackendCapabilities}; defaults: 2048-token window, text only. */
    public static final class Builder {
        private int contextWindow = 2048;
        private boolean tools;
        private boolean jsonSchema;
        private boolean images;

        private Builder() {}

        /** @throws IllegalArgumentException if {@code tokens < 1} */
        public Builder contextWindow(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("contextWindow must be >= 1: " + tokens);
            }
            this.contextWindow = tokens;
            return this;
        }

        public Builder tools(boolean supported) {
            this.tools = supported;
            return this;
        }

        public Builder jsonSchema(boolean supported) {
            this.jsonSchema = supported;
            return this;
        }

        public Builder images(boolean supported) {
            this.images = supported;
            return this;
        }

        public BackendCapabilities build() {
            return new BackendCapabilities(this);
        }
    }
}
