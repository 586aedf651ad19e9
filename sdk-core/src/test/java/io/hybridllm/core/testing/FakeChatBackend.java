package io.hybridllm.core.testing;

import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.Usage;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A scriptable backend: answers by echoing a prefix and the last user text (or a scripted function), can be made
 * to fail, reports a settable health, and records every request it receives.
 */
public final class FakeChatBackend implements ChatBackend {
    private final String name;
    private volatile BackendHealth health = BackendHealth.ready();
    private volatile BackendCapabilities capabilities;
    private volatile RuntimeException failure;
    private volatile RuntimeException failureAfterFirstChunk;
    private volatile Function<ChatRequest, String> answer;
    private volatile CountDownLatch blockUntilCancelled;
    public final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    public final List<CallContext> contexts = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    public volatile int streamsClosed;

    private FakeChatBackend(String name, BackendCapabilities capabilities) {
        this.name = name;
        this.capabilities = capabilities;
        this.answer = r -> name + " says: " + r.lastUserText();
    }

    /** A local-like backend: 2048-token window, text only. */
    public static FakeChatBackend local() {
        return new FakeChatBackend(
                "local:fake", BackendCapabilities.builder().contextWindow(2048).build());
    }

    /** A cloud-like backend: large window, tools, JSON schema, images. */
    public static FakeChatBackend remote() {
        return new FakeChatBackend("remote:fake", BackendCapabilities.cloudDefaults());
    }

    public FakeChatBackend health(BackendHealth health) {
        this.health = health;
        return this;
    }

    public FakeChatBackend capabilities(BackendCapabilities capabilities) {
        this.capabilities = capabilities;
        return this;
    }

    /** Every call fails with {@code e} before producing anything. */
    public FakeChatBackend failWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    /** Streams fail with {@code e} after their first chunk. */
    public FakeChatBackend failAfterFirstChunk(RuntimeException e) {
        this.failureAfterFirstChunk = e;
        return this;
    }

    public FakeChatBackend answer(Function<ChatRequest, String> answer) {
        this.answer = answer;
        return this;
    }

    /** Calls block until their context is cancelled; the latch counts down when a call has started. */
    public CountDownLatch blockUntilCancelled() {
        CountDownLatch started = new CountDownLatch(1);
        this.blockUntilCancelled = started;
        return started;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public BackendHealth health() {
        return health;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        start(request, context);
        String text = answer.apply(request);
        return ChatResponse.builder()
                .id("fake-1")
                .model(name)
                .backend(name)
                .addChoice(ChatChoice.of(0, ChatMessage.assistant(text), FinishReason.STOP))
                .usage(Usage.of(3, words(text).size()))
                .build();
    }

    @Override
    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        start(request, context);
        List<String> pieces = words(answer.apply(request));
        RuntimeException midStream = failureAfterFirstChunk;
        Iterator<ChatChunk> it = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                if (midStream != null && next == 1) {
                    throw midStream;
                }
                return next <= pieces.size() && !context.isCancelled();
            }

            @Override
            public ChatChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (next == pieces.size()) {
                    next++;
                    return ChatChunk.builder()
                            .finishReason(FinishReason.STOP)
                            .usage(Usage.of(3, pieces.size()))
                            .build();
                }
                return ChatChunk.ofText(pieces.get(next++));
            }
        };
        return ChatStream.of(it, () -> streamsClosed++);
    }

    private void start(ChatRequest request, CallContext context) {
        requests.add(request);
        contexts.add(context);
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
        CountDownLatch started = blockUntilCancelled;
        if (started != null) {
            CountDownLatch cancelled = new CountDownLatch(1);
            context.onCancel(cancelled::countDown);
            started.countDown();
            try {
                cancelled.await();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Splits text into word pieces that keep their trailing spaces, so they concatenate back to the text. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i - 1) == ' ') {
                if (i > start) {
                    out.add(text.substring(start, i));
                }
                start = i;
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
