package io.hybridllm.core.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.errors.PolicyViolationException;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scores the request, asks the policy for a route, records the decision, and refuses a refused request. */
final class RoutingInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(RoutingInterceptor.class);

    private final Router router;

    RoutingInterceptor(Router router) {
        this.router = router;
    }

    @Override
    public ChatStream intercept(Chain chain) {
        CallState state = ((RealInterceptorChain) chain).state();
        ChatRequest request = chain.request();
        RequestAssessment assessment = router.assess(request);
        state.assessment = assessment;
        state.listener.assessed(request, assessment);
        RoutingDecision decision = router.route(request, assessment);
        state.decision = decision;
        log.debug("route {}", decision);
        state.listener.routeSelected(request, decision);
        if (decision.route() == Route.REFUSED) {
            if (router.anyBackendUsable()) {
                throw new PolicyViolationException("request refused: " + decision.explanation());
            }
            throw new BackendUnavailableException("no backend can serve the request: " + decision.explanation());
        }
        return chain.proceed(request);
    }

    @Override
    public String toString() {
        return "RoutingInterceptor";
    }
}
