package io.hybridllm.core;

import io.hybridllm.core.internal.ChunkAccumulator;
import io.hybridllm.core.internal.IteratorChatStream;
import io.hybridllm.core.routing.RoutingDecision;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed answer, read chunk by chunk. Single use; not thread-safe. Always close it, which releases the
 * connection or stops local generation if the stream was not read to the end:
 *
 * <pre>{@code
 * try (ChatStream stream = client.chatStreaming(request)) {
 *     stream.stream().forEach(chunk -> System.out.print(chunk.delta()));
 * }
 * }</pre>
 *
 * <p>Reading blocks until the next chunk arrives. A failure while reading is thrown from {@code hasNext()} or
 * {@code next()} as a {@link io.hybridllm.core.errors.HybridException}.
 */
public interface ChatStream extends Iterable<ChatChunk>, AutoCloseable {

    /** The chunks; may be called once. */
    @Override
    Iterator<ChatChunk> iterator();

    /** The chunks as a sequential {@link Stream}; closing the stream closes this. */
    default Stream<ChatChunk> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::close);
    }

    /** Stops the stream and releases its resources. Idempotent; never throws. */
    @Override
    void close();

    /** The routing decision, for a stream that came through a {@link HybridClient}. */
    default Optional<RoutingDecision> routingDecision() {
        return Optional.empty();
    }

    /**
     * Reads the rest of the stream, closes it, and assembles the chunks into one response: texts concatenated,
     * tool-call fragments joined by index, usage and finish reasons kept.
     */
    default ChatResponse collect() {
        try (ChatStream self = this) {
            ChunkAccumulator accumulator = new ChunkAccumulator();
            for (ChatChunk chunk : self) {
                accumulator.add(chunk);
            }
            ChatResponse response = accumulator.toResponse();
            return routingDecision()
                    .map(d -> response.toBuilder().routingDecision(d).build())
                    .orElse(response);
        }
    }

    /**
     * Adapts an iterator; {@code onClose} runs once when the stream is closed (e.g. to cancel an HTTP call).
     */
    static ChatStream of(Iterator<ChatChunk> chunks, Runnable onClose) {
        return new IteratorChatStream(chunks, onClose, null);
    }

    /** A stream that replays a complete response as chunks: one per choice, with finish reason and usage. */
    static ChatStream ofResponse(ChatResponse response) {
        return IteratorChatStream.replaying(response);
    }
}
