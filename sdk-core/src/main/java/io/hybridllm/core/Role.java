package io.hybridllm.core;

/** The author of a {@link ChatMessage}, as in the OpenAI chat-completions format. */
public enum Role {
    SYSTEM("system"),
    USER("user"),
    ASSISTANT("assistant"),
    TOOL("tool");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used on the wire, e.g. {@code "user"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name; {@code "developer"} is read as {@link #SYSTEM}.
     *
     * @throws IllegalArgumentException if the name is not a known role
     */
    public static Role fromWireName(String name) {
        if ("developer".equals(name)) {
            return SYSTEM;
        }
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + name);
    }
}
