package io.hybridllm.core.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.spi.CallContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The chain position handed to each interceptor; the last interceptor must not call {@code proceed}. */
public final class RealInterceptorChain implements Interceptor.Chain {
    private final List<Interceptor> interceptors;
    private final int index;
    private final ChatRequest request;
    private final CallState state;

    public RealInterceptorChain(List<Interceptor> interceptors, int index, ChatRequest request, CallState state) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
        this.state = state;
    }

    @Override
    public ChatRequest request() {
        return request;
    }

    @Override
    public ChatStream proceed(ChatRequest next) {
        Objects.requireNonNull(next, "request == null");
        if (index >= interceptors.size()) {
            throw new IllegalStateException("the last interceptor must not call proceed()");
        }
        Interceptor interceptor = interceptors.get(index);
        ChatStream result = interceptor.intercept(new RealInterceptorChain(interceptors, index + 1, next, state));
        if (result == null) {
            throw new IllegalStateException("interceptor " + interceptor + " returned null");
        }
        return result;
    }

    @Override
    public CallContext context() {
        return state.context;
    }

    @Override
    public boolean isStreaming() {
        return state.streaming;
    }

    @Override
    public Optional<RequestAssessment> assessment() {
        return Optional.ofNullable(state.assessment);
    }

    @Override
    public Optional<RoutingDecision> decision() {
        return Optional.ofNullable(state.decision);
    }

    /** The call state, for the client's own interceptors. */
    public CallState state() {
        return state;
    }
}
