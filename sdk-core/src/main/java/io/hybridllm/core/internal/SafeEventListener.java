package io.hybridllm.core.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.HybridEventListener;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shields calls from a throwing listener: the exception is logged (without request content) and dropped. */
public final class SafeEventListener implements HybridEventListener {
    private static final Logger log = LoggerFactory.getLogger(SafeEventListener.class);

    private final HybridEventListener delegate;

    public SafeEventListener(HybridEventListener delegate) {
        this.delegate = delegate;
    }

    private void guard(String event, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("event listener {} threw from {}", delegate.getClass().getName(), event, e);
        }
    }

    @Override
    public void assessed(ChatRequest request, RequestAssessment assessment) {
        guard("assessed", () -> delegate.assessed(request, assessment));
    }

    @Override
    public void routeSelected(ChatRequest request, RoutingDecision decision) {
        guard("routeSelected", () -> delegate.routeSelected(request, decision));
    }

    @Override
    public void cacheHit(ChatRequest request, ChatResponse response) {
        guard("cacheHit", () -> delegate.cacheHit(request, response));
    }

    @Override
    public void fallback(ChatRequest request, Route from, Route to, Throwable cause) {
        guard("fallback", () -> delegate.fallback(request, from, to, cause));
    }

    @Override
    public void firstToken(ChatRequest request, Route route, Duration sinceStart) {
        guard("firstToken", () -> delegate.firstToken(request, route, sinceStart));
    }

    @Override
    public void callEnd(ChatRequest request, ChatResponse response, Duration duration) {
        guard("callEnd", () -> delegate.callEnd(request, response, duration));
    }

    @Override
    public void callFailed(ChatRequest request, Throwable error, Duration duration) {
        guard("callFailed", () -> delegate.callFailed(request, error, duration));
    }
}
