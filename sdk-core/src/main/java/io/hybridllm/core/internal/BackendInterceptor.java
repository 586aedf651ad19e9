package io.hybridllm.core.internal;

import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.spi.ChatBackend;

/** The end of the chain: calls the backend of the current route. */
final class BackendInterceptor implements Interceptor {
    private final ChatBackend local;
    private final ChatBackend remote;

    BackendInterceptor(ChatBackend local, ChatBackend remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public ChatStream intercept(Chain chain) {
        CallState state = ((RealInterceptorChain) chain).state();
        Route route = state.decision.route();
        ChatBackend backend = route == Route.LOCAL ? local : route.leavesDevice() ? remote : null;
        if (backend == null) {
            throw new BackendUnavailableException("no " + route + " backend is configured");
        }
        try {
            if (chain.isStreaming()) {
                return backend.chatStreaming(chain.request(), chain.context());
            }
            return ChatStream.ofResponse(backend.chat(chain.request(), chain.context()));
        } catch (HybridException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HybridException("backend " + backend.name() + " failed unexpectedly: " + e, false, e);
        }
    }

    @Override
    public String toString() {
        return "BackendInterceptor";
    }
}
