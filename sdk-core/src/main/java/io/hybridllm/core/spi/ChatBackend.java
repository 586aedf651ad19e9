package io.hybridllm.core.spi;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.scoring.internal.CompositeRequestScorer;

/**
 * A place that answers chat requests: the embedded local model ({@code sdk-local}) or an OpenAI-compatible
 * endpoint ({@code sdk-remote}). Implementations are thread-safe and shared by all calls of a client.
 *
 * <p>Implementations throw only {@link io.hybridllm.core.errors.HybridException}s, mapping their library's
 * failures at this boundary, and honour {@link CallContext} cancellation.
 */
public interface ChatBackend extends AutoCloseable {

    /** A short name for logs and responses, e.g. {@code "local:SmolLM2-135M"} or {@code "remote:openrouter"}. */
    String name();

    /** What this backend can do; read by the router. */
    BackendCapabilities capabilities();

    /** Readiness now; must be cheap (no network call), it is read before every routing decision. */
    BackendHealth health();

    /**
     * Answers the request.
     *
     * @throws io.hybridllm.core.errors.HybridException on any failure
     */
    ChatResponse chat(ChatRequest request, CallContext context);

    /**
     * Starts a streamed answer. Failures before the first chunk may be thrown here or from the stream.
     *
     * @throws io.hybridllm.core.errors.HybridException on any failure
     */
    ChatStream chatStreaming(ChatRequest request, CallContext context);

    /**
     * Counts (or closely estimates) the tokens the request's prompt takes in this backend's model. The default
     * estimates about four characters per token, as the scorer does; the local engine counts with its tokenizer.
     */
    default int countPromptTokens(ChatRequest request) {
        return CompositeRequestScorer.estimateTokens(request);
    }

    /** Releases models, sessions, pools. Idempotent; never throws. */
    @Override
    void close();
}
