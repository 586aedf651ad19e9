package io.hybridllm.core;

import java.util.concurrent.CompletableFuture;

/** Controls an asynchronous stream started with {@link HybridClient#chatStreaming(ChatRequest, StreamHandler)}. */
public interface StreamHandle {
    /**
     * Stops the stream: the HTTP call is cancelled or local generation stops before its next token, and the
     * handler's {@code onError} receives a {@link java.util.concurrent.CancellationException} unless the stream
     * had already ended. Idempotent.
     */
    void cancel();

    /** Completes with the assembled answer, or exceptionally as the handler's {@code onError}. */
    CompletableFuture<ChatResponse> completion();
}
