package io.hybridllm.core;

import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.spi.CallContext;
import java.util.Optional;

/**
 * Observes, rewrites or short-circuits calls, like an OkHttp application interceptor. User interceptors run
 * first, before scoring and routing, then the client's own: routing, fallback, redaction, the outbound privacy
 * check and the backend call.
 *
 * <pre>{@code
 * Interceptor addSystemPrompt = chain -> chain.proceed(chain.request().toBuilder()
 *     .messages(prepend(ChatMessage.system("Be brief."), chain.request().messages()))
 *     .build());
 * }</pre>
 *
 * <p>Every call is a stream at this level: a unary {@code chat()} receives a stream that replays the complete
 * response. An interceptor may call {@link Chain#proceed} more than once (to retry) or not at all (to answer from
 * a cache). Exceptions it throws reach the caller; throw {@link io.hybridllm.core.errors.HybridException}s.
 */
@FunctionalInterface
public interface Interceptor {
    ChatStream intercept(Chain chain);

    /** The position of an interceptor in the chain. */
    interface Chain {
        /** The request as the previous interceptor passed it on. */
        ChatRequest request();

        /** Passes the request to the next interceptor and returns its answer. */
        ChatStream proceed(ChatRequest request);

        /** Cancellation and timeout of this call. */
        CallContext context();

        /** Whether the caller asked for a stream (false for {@code chat()} and {@code chatAsync()}). */
        boolean isStreaming();

        /** The assessment, once the routing step has scored the request (empty in user interceptors). */
        Optional<RequestAssessment> assessment();

        /** The routing decision of the current attempt, once made (empty in user interceptors). */
        Optional<RoutingDecision> decision();
    }
}
