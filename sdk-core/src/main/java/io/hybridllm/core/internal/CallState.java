package io.hybridllm.core.internal;

import io.hybridllm.core.HybridEventListener;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.spi.CallContext;

/**
 * The mutable state of one call as it moves down the chain. Attempts run one after another (fallback retries
 * sequentially), so plain fields written and read on the call's thread suffice; volatile for the async handoff.
 */
public final class CallState {
    final CallContext context;
    final boolean streaming;
    final HybridEventListener listener;
    final long startNanos;
    volatile RequestAssessment assessment;
    volatile RoutingDecision decision;

    public CallState(CallContext context, boolean streaming, HybridEventListener listener, long startNanos) {
        this.context = context;
        this.streaming = streaming;
        this.listener = listener;
        this.startNanos = startNanos;
    }
}
