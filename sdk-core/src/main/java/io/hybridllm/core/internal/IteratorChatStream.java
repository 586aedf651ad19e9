package io.hybridllm.core.internal;

import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.ToolCall;
import io.hybridllm.core.ToolCallDelta;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link ChatStream} over an iterator; may hold the complete response it replays. */
public final class IteratorChatStream implements ChatStream {
    private final Iterator<ChatChunk> chunks;
    private final Runnable onClose;
    private final ChatResponse completed;
    private final AtomicBoolean iterated = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public IteratorChatStream(Iterator<ChatChunk> chunks, Runnable onClose, ChatResponse completed) {
        this.chunks = chunks;
        this.onClose = onClose;
        this.completed = completed;
    }

    /** Replays a complete response as one chunk per choice (text, tool calls, finish reason), then usage. */
    public static IteratorChatStream replaying(ChatResponse response) {
        List<ChatChunk> chunks = new ArrayList<>();
        for (ChatChoice choice : response.choices()) {
            ChatChunk.Builder b = ChatChunk.builder()
                    .id(response.id())
                    .model(response.model())
                    .choiceIndex(choice.index())
                    .delta(choice.message().content());
            List<ToolCall> calls = choice.message().toolCalls();
            for (int i = 0; i < calls.size(); i++) {
                ToolCall c = calls.get(i);
                b.addToolCallDelta(ToolCallDelta.of(i, c.id(), c.name(), c.arguments()));
            }
            choice.finishReason().ifPresent(b::finishReason);
            choice.refusal().ifPresent(b::refusal);
            choice.logprobs().forEach(b::addLogprob);
            chunks.add(b.build());
        }
        chunks.add(ChatChunk.builder()
                .id(response.id())
                .model(response.model())
                .usage(response.usage())
                .build());
        return new IteratorChatStream(chunks.iterator(), () -> {}, response);
    }

    /** The complete response this stream replays, if it is one. */
    public Optional<ChatResponse> completedResponse() {
        return Optional.ofNullable(completed);
    }

    @Override
    public Iterator<ChatChunk> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("a ChatStream can be read once");
        }
        return chunks;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    @Override
    public ChatResponse collect() {
        if (completed != null && !iterated.get()) {
            close();
            return completed;
        }
        return ChatStream.super.collect();
    }
}
