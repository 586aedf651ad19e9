package io.hybridllm.core.routing.internal;

import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingContext;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.RoutingPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes the requests of experiment units by their arm and everything else by the base policy. A unit in the remote
 * arm is routed as by {@code prefer-remote}, one in the local arm as by {@code prefer-local}, so the privacy rule,
 * capability needs and backend health still win over the arm; the first reason of the decision names the arm, and
 * when the arm cannot be followed, why, as one of the {@code NOT_FOLLOWED_*} codes.
 */
public final class ExperimentPolicy implements RoutingPolicy {
    /** Every decision for an experiment unit starts with a reason beginning with this. */
    public static final String REASON_PREFIX = "experiment ";

    public static final String NOT_FOLLOWED_PRIVACY = "privacy";
    public static final String NOT_FOLLOWED_CAPABILITY = "capability";
    public static final String NOT_FOLLOWED_UNAVAILABLE = "unavailable";

    private static final RoutingPolicy REMOTE_ARM = BuiltInPolicies.preferRemote();
    private static final RoutingPolicy LOCAL_ARM = BuiltInPolicies.preferLocal();

    private final RoutingPolicy base;
    private final Experiment experiment;

    public ExperimentPolicy(RoutingPolicy base, Experiment experiment) {
        this.base = Objects.requireNonNull(base, "base == null");
        this.experiment = Objects.requireNonNull(experiment, "experiment == null");
    }

    @Override
    public RoutingDecision decide(RoutingContext ctx) {
        Optional<String> unit = ctx.request().user();
        if (unit.isEmpty()) {
            return base.decide(ctx);
        }
        Route arm = experiment.armOf(unit.get());
        RoutingDecision d = (arm == Route.REMOTE ? REMOTE_ARM : LOCAL_ARM).decide(ctx);
        String reason = REASON_PREFIX + experiment.name() + ": arm " + arm;
        if (d.route().leavesDevice() != (arm == Route.REMOTE)) {
            reason += ", not followed (" + notFollowed(arm, RoutingFacts.of(ctx)) + ")";
        }
        RoutingDecision.Builder b =
                RoutingDecision.to(d.route()).because(reason).because(d.reasons());
        d.fallback().ifPresent(b::fallbackTo);
        return b.build();
    }

    /** The reason code in a decision's first reason, if the decision is an experiment's and its arm was not followed. */
    public static Optional<String> notFollowedCode(RoutingDecision decision) {
        if (decision.reasons().isEmpty()) {
            return Optional.empty();
        }
        String first = decision.reasons().get(0);
        int at = first.lastIndexOf(", not followed (");
        if (!first.startsWith(REASON_PREFIX) || at < 0 || !first.endsWith(")")) {
            return Optional.empty();
        }
        return Optional.of(first.substring(at + ", not followed (".length(), first.length() - 1));
    }

    private static String notFollowed(Route arm, RoutingFacts f) {
        if (arm == Route.REMOTE) {
            return f.remoteRoute == null ? NOT_FOLLOWED_PRIVACY : NOT_FOLLOWED_UNAVAILABLE;
        }
        return f.localUsable() && !f.localCapable() ? NOT_FOLLOWED_CAPABILITY : NOT_FOLLOWED_UNAVAILABLE;
    }

    @Override
    public String toString() {
        return "ExperimentPolicy{" + experiment.name() + ", base=" + base + "}";
    }
}
