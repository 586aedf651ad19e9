package io.hybridllm.core.routing.internal;

import io.hybridllm.core.privacy.PrivacyAction;
import io.hybridllm.core.routing.BackendStatus;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingContext;
import io.hybridllm.core.scoring.CapabilityNeed;
import io.hybridllm.core.spi.BackendCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The facts every built-in policy reads off a {@link RoutingContext}, computed once. */
public final class RoutingFacts {
    /** Completion budget assumed when the request sets no max_tokens. */
    static final int DEFAULT_COMPLETION_BUDGET = 256;

    final RoutingContext ctx;
    /** Reasons the local model cannot serve the request (empty if it can). */
    final List<String> localGaps;
    /** The route a remote-bound request may take under the privacy rule, or null if it must stay local. */
    final Route remoteRoute;

    RoutingFacts(RoutingContext ctx) {
        this.ctx = ctx;
        this.localGaps = localGaps(ctx);
        this.remoteRoute = remoteRoute(ctx.privacyAction());
    }

    public static RoutingFacts of(RoutingContext ctx) {
        return new RoutingFacts(ctx);
    }

    boolean localUsable() {
        return ctx.local().isUsable();
    }

    boolean localCapable() {
        return localGaps.isEmpty();
    }

    /** Remote is configured, not known to be down, and the privacy rule lets this request go. */
    boolean remoteAllowedAndUsable() {
        return remoteRoute != null && ctx.remote().isUsable();
    }

    String privacyReason() {
        return ctx.assessment().privacy().explanation();
    }

    /** Why the request may not go remote, or is only allowed redacted. */
    String remoteRestriction() {
        switch (ctx.privacyAction()) {
            case LOCAL_ONLY:
                return "sensitive data must stay on the device (" + privacyReason() + ")";
            case REDACT_THEN_REMOTE:
                return "sensitive data is redacted before it leaves the device (" + privacyReason() + ")";
            default:
                return "";
        }
    }

    static String describe(String role, BackendStatus status) {
        return role + " backend " + status.unavailableReason();
    }

    private static Route remoteRoute(PrivacyAction action) {
        switch (action) {
            case ALLOW:
                return Route.REMOTE;
            case REDACT_THEN_REMOTE:
                return Route.REMOTE_REDACTED;
            default:
                return null;
        }
    }

    private static List<String> localGaps(RoutingContext ctx) {
        List<String> gaps = new ArrayList<>();
        BackendCapabilities caps = ctx.local().capabilities().orElse(null);
        if (caps == null) {
            return gaps;
        }
        var needs = ctx.assessment().needs();
        if (needs.contains(CapabilityNeed.TOOLS) && !caps.supportsTools()) {
            gaps.add("needs tool calling, which the local model lacks");
        }
        if (needs.contains(CapabilityNeed.JSON_SCHEMA) && !caps.supportsJsonSchema()) {
            gaps.add("needs JSON-schema output, which the local model lacks");
        }
        if (needs.contains(CapabilityNeed.IMAGES) && !caps.supportsImages()) {
            gaps.add("has images, which the local model cannot read");
        }
        int budget = ctx.request().maxTokens().orElse(DEFAULT_COMPLETION_BUDGET);
        int needed = ctx.localPromptTokens() + budget;
        if (needed > caps.contextWindow()) {
            gaps.add(String.format(
                    Locale.ROOT,
                    "needs %d tokens (prompt %d + completion %d), more than the local window of %d",
                    needed,
                    ctx.localPromptTokens(),
                    budget,
                    caps.contextWindow()));
        }
        return gaps;
    }
}
