package io.hybridllm.core.internal;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.OutboundLeakException;
import io.hybridllm.core.errors.PolicyViolationException;
import io.hybridllm.core.privacy.OutboundLeakAction;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the chosen route and, if it fails before anything reached the caller, the decision's fallback route.
 *
 * <p>A local failure of any kind may escalate (a broken model, a prompt over the window, an absent model). A remote
 * failure falls back to local only when it is retryable (offline, timeout, rate limit, server error): a request
 * the server rejected (400, 401, 403, 404) would fail the same way elsewhere or needs fixing, so it surfaces. A
 * stream is committed once its first chunk is read: later failures surface as they are. A request the outbound
 * privacy check stopped goes to the local fallback when the client is set to {@link OutboundLeakAction#SERVE_LOCALLY}.
 */
final class FallbackInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(FallbackInterceptor.class);

    private final OutboundLeakAction leakAction;

    FallbackInterceptor(OutboundLeakAction leakAction) {
        this.leakAction = leakAction;
    }

    @Override
    public ChatStream intercept(Chain chain) {
        CallState state = ((RealInterceptorChain) chain).state();
        try {
            return firstChunkRead(chain.proceed(chain.request()), chain.isStreaming());
        } catch (HybridException e) {
            RoutingDecision decision = state.decision;
            if (decision.fallback().isEmpty()
                    || !(allowsFallback(decision.route(), e) || servesLeakLocally(decision, e))
                    || state.context.isCancelled()) {
                throw e;
            }
            RoutingDecision next = decision.fallingBack(e.getClass().getSimpleName() + ": " + e.getMessage());
            log.debug("falling back from {} to {}", decision.route(), next.route());
            state.decision = next;
            state.listener.fallback(chain.request(), decision.route(), next.route(), e);
            try {
                return firstChunkRead(chain.proceed(chain.request()), chain.isStreaming());
            } catch (HybridException second) {
                second.addSuppressed(e);
                throw second;
            }
        }
    }

    private boolean servesLeakLocally(RoutingDecision decision, HybridException e) {
        return e instanceof OutboundLeakException
                && leakAction == OutboundLeakAction.SERVE_LOCALLY
                && decision.fallback().orElse(null) == Route.LOCAL;
    }

    static boolean allowsFallback(Route failed, HybridException e) {
        if (e instanceof PolicyViolationException) {
            return false;
        }
        if (failed == Route.LOCAL) {
            return true;
        }
        return e.isRetryable() || e instanceof ConfigurationException;
    }

    /** For a stream, reads the first chunk now so a failure to start is caught here, where fallback is possible. */
    private static ChatStream firstChunkRead(ChatStream stream, boolean streaming) {
        if (!streaming || stream instanceof IteratorChatStream) {
            return stream;
        }
        Iterator<ChatChunk> it;
        try {
            it = stream.iterator();
            it.hasNext();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return ChatStream.of(it, stream::close);
    }

    @Override
    public String toString() {
        return "FallbackInterceptor";
    }
}
