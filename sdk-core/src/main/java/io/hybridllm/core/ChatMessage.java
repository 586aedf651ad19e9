package io.hybridllm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation. Immutable; build with the static factories or {@link #builder(Role)}.
 *
 * <pre>{@code
 * ChatMessage.user("What is the capital of France?");
 * ChatMessage.builder(Role.ASSISTANT).addToolCall(ToolCall.of("call_1", "lookup", "{}")).build();
 * }</pre>
 */
public final class ChatMessage {
    private final Role role;
    private final String content;
    private final String name;
    private final String toolCallId;
    private final List<ToolCall> toolCalls;
    private final List<String> imageUrls;

    private ChatMessage(Builder b) {
        this.role = b.role;
        this.content = b.content;
        this.name = b.name;
        this.toolCallId = b.toolCallId;
        this.toolCalls = List.copyOf(b.toolCalls);
        this.imageUrls = List.copyOf(b.imageUrls);
    }

    public static ChatMessage system(String content) {
        return builder(Role.SYSTEM).content(content).build();
    }

    public static ChatMessage user(String content) {
        return builder(Role.USER).content(content).build();
    }

    public static ChatMessage assistant(String content) {
        return builder(Role.ASSISTANT).content(content).build();
    }

    /** The result of a tool call, answering the assistant's call {@code toolCallId}. */
    public static ChatMessage tool(String toolCallId, String content) {
        return builder(Role.TOOL).toolCallId(toolCallId).content(content).build();
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    public Builder toBuilder() {
        Builder b = new Builder(role);
        b.content = content;
        b.name = name;
        b.toolCallId = toolCallId;
        b.toolCalls.addAll(toolCalls);
        b.imageUrls.addAll(imageUrls);
        return b;
    }

    public Role role() {
        return role;
    }

    /** The text, or the empty string for a message that only carries tool calls. */
    public String content() {
        return content == null ? "" : content;
    }

    /** Whether the message has text content at all (an assistant tool-call message may not). */
    public boolean hasContent() {
        return content != null;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> toolCallId() {
        return Optional.ofNullable(toolCallId);
    }

    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /** Image URLs (http(s) or data URLs) attached to a user message. */
    public List<String> imageUrls() {
        return imageUrls;
    }

    /** Returns a copy of this message with its text replaced. */
    public ChatMessage withContent(String newContent) {
        return toBuilder().content(newContent).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatMessage m
                && role == m.role
                && Objects.equals(content, m.content)
                && Objects.equals(name, m.name)
                && Objects.equals(toolCallId, m.toolCallId)
                && toolCalls.equals(m.toolCalls)
                && imageUrls.equals(m.imageUrls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, content, name, toolCallId, toolCalls, imageUrls);
    }

    /** Describes the message without its text, which may be personal data. */
    @Override
    public String toString() {
        return "ChatMessage{role=" + role.wireName() + ", content=" + content().length() + " chars"
                + (toolCalls.isEmpty() ? "" : ", toolCalls=" + toolCalls.size())
                + (imageUrls.isEmpty() ? "" : ", images=" + imageUrls.size()) + "}";
    }

    /** Builds a {@link ChatMessage}. Not thread-safe. */
    public static final class Builder {
        private final Role role;
        private String content;
        private String name;
        private String toolCallId;
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private final List<String> imageUrls = new ArrayList<>();

        private Builder(Role role) {
            this.role = Objects.requireNonNull(role, "role == null");
        }

        public Builder content(String content) {
            this.content = content;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder toolCallId(String toolCallId) {
            this.toolCallId = toolCallId;
            return this;
        }

        public Builder addToolCall(ToolCall toolCall) {
            this.toolCalls.add(Objects.requireNonNull(toolCall, "toolCall == null"));
            return this;
        }

        public Builder addImageUrl(String url) {
            this.imageUrls.add(Objects.requireNonNull(url, "url == null"));
            return this;
        }

        /**
         * @throws IllegalStateException if a tool message has no tool call id, or tool calls are set on a
         *     non-assistant message
         */
        public ChatMessage build() {
            if (role == Role.TOOL && toolCallId == null) {
                throw new IllegalStateException("a tool message needs toolCallId");
            }
            if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
                throw new IllegalStateException("only assistant messages carry tool calls, not " + role.wireName());
            }
            if (content == null && toolCalls.isEmpty() && role != Role.ASSISTANT) {
                content = "";
            }
            return new ChatMessage(this);
        }
    }
}
