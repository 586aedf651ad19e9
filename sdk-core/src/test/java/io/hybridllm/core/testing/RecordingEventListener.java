package io.hybridllm.core.testing;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.HybridEventListener;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records event names (with the route where there is one) in order. */
public final class RecordingEventListener implements HybridEventListener {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void assessed(ChatRequest request, RequestAssessment assessment) {
        events.add("assessed");
    }

    @Override
    public void routeSelected(ChatRequest request, RoutingDecision decision) {
        events.add("routeSelected " + decision.route());
    }

    @Override
    public void cacheHit(ChatRequest request, ChatResponse response) {
        events.add("cacheHit");
    }

    @Override
    public void fallback(ChatRequest request, Route from, Route to, Throwable cause) {
        events.add("fallback " + from + "->" + to);
    }

    @Override
    public void firstToken(ChatRequest request, Route route, Duration sinceStart) {
        events.add("firstToken " + route);
    }

    @Override
    public void callEnd(ChatRequest request, ChatResponse response, Duration duration) {
        events.add("callEnd");
    }

    @Override
    public void callFailed(ChatRequest request, Throwable error, Duration duration) {
        events.add("callFailed " + error.getClass().getSimpleName());
    }
}
