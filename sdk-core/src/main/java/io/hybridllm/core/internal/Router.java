package io.hybridllm.core.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.routing.BackendStatus;
import io.hybridllm.core.routing.RoutingContext;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.RoutingPolicy;
import io.hybridllm.core.routing.internal.BuiltInPolicies;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.scoring.RequestScorer;
import io.hybridllm.core.spi.ChatBackend;

/** Scoring plus policy: what the client decides before any backend runs. Thread-safe. */
public final class Router {
    private final RequestScorer scorer;
    private final RoutingPolicy policy;
    private final PrivacyRule privacyRule;
    private final ChatBackend local;
    private final ChatBackend remote;

    public Router(
            RequestScorer scorer,
            RoutingPolicy policy,
            PrivacyRule privacyRule,
            ChatBackend local,
            ChatBackend remote) {
        this.scorer = scorer;
        this.policy = policy;
        this.privacyRule = privacyRule;
        this.local = local;
        this.remote = remote;
    }

    public RequestAssessment assess(ChatRequest request) {
        return scorer.assess(request);
    }

    public PrivacyRule privacyRule() {
        return privacyRule;
    }

    public RoutingDecision route(ChatRequest request, RequestAssessment assessment) {
        BackendStatus localStatus = status(local);
        BackendStatus remoteStatus = status(remote);
        int localTokens = local != null && localStatus.isReady()
                ? local.countPromptTokens(request)
                : assessment.estimatedPromptTokens();
        RoutingContext ctx = RoutingContext.of(
                request, assessment, privacyRule.decide(assessment.privacy()), localStatus, remoteStatus, localTokens);
        return BuiltInPolicies.decideGuarded(policy, ctx);
    }

    boolean anyBackendUsable() {
        return status(local).isUsable() || status(remote).isUsable();
    }

    /** The status of a backend as policies see it; absent for null. */
    static BackendStatus status(ChatBackend backend) {
        if (backend == null) {
            return BackendStatus.absent();
        }
        return BackendStatus.of(backend.name(), backend.health(), backend.capabilities());
    }
}
