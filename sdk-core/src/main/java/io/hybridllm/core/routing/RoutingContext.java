package io.hybridllm.core.routing;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.privacy.PrivacyAction;
import io.hybridllm.core.scoring.RequestAssessment;
import java.util.Objects;

/** Everything a {@link RoutingPolicy} decides on. Immutable. */
public final class RoutingContext {
    private final ChatRequest request;
    private final RequestAssessment assessment;
    private final PrivacyAction privacyAction;
    private final BackendStatus local;
    private final BackendStatus remote;
    private final int localPromptTokens;

    private RoutingContext(
            ChatRequest request,
            RequestAssessment assessment,
            PrivacyAction privacyAction,
            BackendStatus local,
            BackendStatus remote,
            int localPromptTokens) {
        this.request = Objects.requireNonNull(request, "request == null");
        this.assessment = Objects.requireNonNull(assessment, "assessment == null");
        this.privacyAction = Objects.requireNonNull(privacyAction, "privacyAction == null");
        this.local = Objects.requireNonNull(local, "local == null");
        this.remote = Objects.requireNonNull(remote, "remote == null");
        this.localPromptTokens = localPromptTokens;
    }

    /**
     * @param localPromptTokens the prompt's length in the local model's tokens (or an estimate)
     */
    public static RoutingContext of(
            ChatRequest request,
            RequestAssessment assessment,
            PrivacyAction privacyAction,
            BackendStatus local,
            BackendStatus remote,
            int localPromptTokens) {
        return new RoutingContext(request, assessment, privacyAction, local, remote, localPromptTokens);
    }

    public ChatRequest request() {
        return request;
    }

    public RequestAssessment assessment() {
        return assessment;
    }

    /** What the client's privacy rule allows for this request. */
    public PrivacyAction privacyAction() {
        return privacyAction;
    }

    public BackendStatus local() {
        return local;
    }

    public BackendStatus remote() {
        return remote;
    }

    /** The prompt's length in the local model's tokens (counted by its tokenizer when loaded). */
    public int localPromptTokens() {
        return localPromptTokens;
    }
}
