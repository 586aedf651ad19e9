package io.hybridllm.core.internal;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.routing.RoutingDecision;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The stream a caller gets from the client: carries the routing decision, reports first token, end and failure
 * to the listener, wraps stray runtime exceptions, and cancels the call when closed early.
 */
final class ObservedChatStream implements ChatStream {
    private final ChatStream delegate;
    private final ChatRequest request;
    private final CallState state;
    private final LongSupplier nanoTime;
    private final ChunkAccumulator accumulator = new ChunkAccumulator();
    private final AtomicBoolean iterated = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean sawText;
    private boolean finished;

    ObservedChatStream(ChatStream delegate, ChatRequest request, CallState state, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.request = request;
        this.state = state;
        this.nanoTime = nanoTime;
    }

    @Override
    public Iterator<ChatChunk> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("a ChatStream can be read once");
        }
        Iterator<ChatChunk> it = delegate.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    boolean more = it.hasNext();
                    if (!more) {
                        end();
                    }
                    return more;
                } catch (RuntimeException e) {
                    throw fail(e);
                }
            }

            @Override
            public ChatChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ChatChunk chunk;
                try {
                    chunk = it.next();
                } catch (RuntimeException e) {
                    throw fail(e);
                }
                if (!sawText && !chunk.delta().isEmpty()) {
                    sawText = true;
                    state.listener.firstToken(request, state.decision.route(), elapsed());
                }
                accumulator.add(chunk);
                return chunk;
            }
        };
    }

    private void end() {
        if (!finished) {
            finished = true;
            ChatResponse response = accumulator.toResponse().toBuilder()
                    .routingDecision(state.decision)
                    .build();
            state.listener.callEnd(request, response, elapsed());
        }
    }

    private RuntimeException fail(RuntimeException e) {
        HybridException wrapped =
                e instanceof HybridException h ? h : new HybridException("stream failed: " + e, false, e);
        if (!finished) {
            finished = true;
            state.listener.callFailed(request, wrapped, elapsed());
        }
        close();
        return wrapped;
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - state.startNanos);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (!finished) {
                finished = true;
                state.context.cancel();
                state.listener.callFailed(
                        request, new CancellationException("stream closed before its end"), elapsed());
            }
            delegate.close();
        }
    }

    @Override
    public Optional<RoutingDecision> routingDecision() {
        return Optional.ofNullable(state.decision);
    }
}
