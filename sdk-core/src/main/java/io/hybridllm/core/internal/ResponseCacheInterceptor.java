package io.hybridllm.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.routing.Route;
import java.time.Duration;
import java.util.Objects;

/**
 * Answers repeated deterministic requests (temperature 0, or a fixed seed) from memory. Keyed by the request and
 * the route, so a local answer never stands in for a remote one. Unary calls only: a stream is always fresh.
 */
final class ResponseCacheInterceptor implements Interceptor {
    private final Cache<Key, ChatResponse> cache;

    ResponseCacheInterceptor(long maximumSize, Duration ttl) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(ttl)
                .build();
    }

    @Override
    public ChatStream intercept(Chain chain) {
        CallState state = ((RealInterceptorChain) chain).state();
        ChatRequest request = chain.request();
        if (chain.isStreaming() || !isDeterministic(request)) {
            return chain.proceed(request);
        }
        Key key = new Key(request, state.decision.route());
        ChatResponse hit = cache.getIfPresent(key);
        if (hit != null) {
            state.listener.cacheHit(request, hit);
            return ChatStream.ofResponse(hit);
        }
        ChatResponse response = chain.proceed(request).collect();
        // After a fallback the decision names the route that actually served: cache the answer under that one.
        Route served = state.decision.route();
        cache.put(new Key(request, served), response);
        return ChatStream.ofResponse(response);
    }

    static boolean isDeterministic(ChatRequest request) {
        return request.seed().isPresent()
                || (request.temperature().isPresent() && request.temperature().getAsDouble() == 0.0);
    }

    private static final class Key {
        final ChatRequest request;
        final Route route;

        Key(ChatRequest request, Route route) {
            this.request = request;
            this.route = route;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && route == k.route && request.equals(k.request);
        }

        @Override
        public int hashCode() {
            return Objects.hash(request, route);
        }
    }

    @Override
    public String toString() {
        return "ResponseCacheInterceptor";
    }
}
