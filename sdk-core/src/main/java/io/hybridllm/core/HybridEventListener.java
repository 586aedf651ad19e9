package io.hybridllm.core;

import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import java.time.Duration;

/**
 * Structured hooks for metrics and tracing, in the order a call passes them. All methods default to doing nothing.
 * Called on the calling or a client thread; must be fast and must not throw (a throwing listener is logged once
 * per call at WARN and otherwise ignored). Never receives API keys; the request holds the user's text, so do not
 * log it blindly.
 */
public interface HybridEventListener {
    HybridEventListener NONE = new HybridEventListener() {};

    /** The request was scored. */
    default void assessed(ChatRequest request, RequestAssessment assessment) {}

    /** The policy chose a route. */
    default void routeSelected(ChatRequest request, RoutingDecision decision) {}

    /** The answer came from the response cache; no backend was called. */
    default void cacheHit(ChatRequest request, ChatResponse response) {}

    /** The chosen route failed and the call continues on {@code to}. */
    default void fallback(ChatRequest request, Route from, Route to, Throwable cause) {}

    /** The first chunk of text arrived, {@code sinceStart} after the call began. */
    default void firstToken(ChatRequest request, Route route, Duration sinceStart) {}

    /** The call finished successfully. */
    default void callEnd(ChatRequest request, ChatResponse response, Duration duration) {}

    /** The call failed; a stream closed before its end fails with a {@link java.util.concurrent.CancellationException}. */
    default void callFailed(ChatRequest request, Throwable error, Duration duration) {}
}
