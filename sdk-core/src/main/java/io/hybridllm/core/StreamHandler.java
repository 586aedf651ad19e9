package io.hybridllm.core;

/**
 * Receives a streamed answer asynchronously. Exactly one of {@link #onComplete} or {@link #onError} is called,
 * last; nothing is called after it. Callbacks run on a client thread, one at a time.
 */
public interface StreamHandler {
    /** A new chunk arrived. */
    void onChunk(ChatChunk chunk);

    /** The stream ended; {@code response} is the assembled answer. */
    void onComplete(ChatResponse response);

    /** The stream failed or was cancelled ({@link java.util.concurrent.CancellationException}). */
    void onError(Throwable error);
}
