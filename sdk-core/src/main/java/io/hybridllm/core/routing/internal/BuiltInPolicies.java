package io.hybridllm.core.routing.internal;

import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingContext;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.RoutingPolicy;
import java.util.Locale;

/** The built-in routing policies. Each honours the privacy rule: nothing sensitive leaves unredacted. */
public final class BuiltInPolicies {
    private BuiltInPolicies() {}

    public static RoutingPolicy localOnly() {
        return ctx -> {
            if (!ctx.local().isConfigured()) {
                return refused("policy local-only, but no local backend is configured");
            }
            return RoutingDecision.to(Route.LOCAL).because("policy local-only").build();
        };
    }

    public static RoutingPolicy remoteOnly() {
        return ctx -> {
            RoutingFacts f = RoutingFacts.of(ctx);
            if (!ctx.remote().isConfigured()) {
                return refused("policy remote-only, but no remote backend is configured");
            }
            if (f.remoteRoute == null) {
                return refused("policy remote-only, but " + f.remoteRestriction());
            }
            RoutingDecision.Builder b = RoutingDecision.to(f.remoteRoute).because("policy remote-only");
            if (f.remoteRoute == Route.REMOTE_REDACTED) {
                b.because(f.remoteRestriction());
            }
            return b.build();
        };
    }

    public static RoutingPolicy preferLocal() {
        return ctx -> {
            RoutingFacts f = RoutingFacts.of(ctx);
            if (f.localUsable() && f.localCapable()) {
                return withRemoteFallback(
                        RoutingDecision.to(Route.LOCAL).because("policy prefer-local: local backend is usable"), f);
            }
            String why = f.localUsable() ? String.join("; ", f.localGaps) : RoutingFacts.describe("local", ctx.local());
            return escalateOrStay(f, "policy prefer-local, but " + why);
        };
    }

    public static RoutingPolicy preferRemote() {
        return ctx -> {
            RoutingFacts f = RoutingFacts.of(ctx);
            if (f.remoteAllowedAndUsable()) {
                return remote(f, "policy prefer-remote: remote backend is usable");
            }
            return stayLocal(f, "policy prefer-remote, but " + remoteBlocker(f));
        };
    }

    public static RoutingPolicy hybrid(double complexityThreshold) {
        if (!(complexityThreshold >= 0 && complexityThreshold <= 1)) {
            throw new IllegalArgumentException("complexityThreshold must be in [0, 1]: " + complexityThreshold);
        }
        return ctx -> {
            RoutingFacts f = RoutingFacts.of(ctx);
            if (!f.localCapable() && ctx.local().isConfigured()) {
                return escalateOrStay(f, String.join("; ", f.localGaps));
            }
            double score = ctx.assessment().complexity().score();
            String complexity = ctx.assessment().complexity().explanation();
            if (score >= complexityThreshold) {
                String why = String.format(Locale.ROOT, "%s >= threshold %.2f", complexity, complexityThreshold);
                return escalateOrStay(f, why);
            }
            String simple = String.format(Locale.ROOT, "%s < threshold %.2f", complexity, complexityThreshold);
            if (f.localUsable()) {
                return withRemoteFallback(RoutingDecision.to(Route.LOCAL).because(simple), f);
            }
            if (f.remoteAllowedAndUsable()) {
                return remote(f, simple + ", but " + RoutingFacts.describe("local", ctx.local()));
            }
            return refused(
                    simple + ", but " + RoutingFacts.describe("local", ctx.local()) + " and " + remoteBlocker(f));
        };
    }

    /** The request should go remote; go there if allowed and usable, otherwise stay local if possible. */
    private static RoutingDecision escalateOrStay(RoutingFacts f, String why) {
        if (f.remoteAllowedAndUsable()) {
            return remote(f, why);
        }
        return stayLocal(f, why + ", but " + remoteBlocker(f));
    }

    private static RoutingDecision remote(RoutingFacts f, String why) {
        RoutingDecision.Builder b = RoutingDecision.to(f.remoteRoute).because(why);
        if (f.remoteRoute == Route.REMOTE_REDACTED) {
            b.because(f.remoteRestriction());
        }
        if (f.localUsable() && f.localCapable()) {
            b.fallbackTo(Route.LOCAL);
        }
        return b.build();
    }

    private static RoutingDecision stayLocal(RoutingFacts f, String why) {
        if (f.localUsable()) {
            RoutingDecision.Builder b = RoutingDecision.to(Route.LOCAL).because(why + "; serving locally");
            if (!f.localCapable()) {
                b.because("best effort: " + String.join("; ", f.localGaps));
            }
            return b.build();
        }
        return refused(why + ", and " + RoutingFacts.describe("local", f.ctx.local()));
    }

    private static RoutingDecision withRemoteFallback(RoutingDecision.Builder b, RoutingFacts f) {
        if (f.remoteAllowedAndUsable()) {
            b.fallbackTo(f.remoteRoute);
        } else if (f.remoteRoute == null && f.ctx.remote().isConfigured()) {
            b.because(f.remoteRestriction());
        }
        return b.build();
    }

    private static String remoteBlocker(RoutingFacts f) {
        if (f.remoteRoute == null) {
            return f.remoteRestriction();
        }
        return RoutingFacts.describe("remote", f.ctx.remote());
    }

    private static RoutingDecision refused(String why) {
        return RoutingDecision.to(Route.REFUSED).because(why).build();
    }

    /** Applies a policy and then the privacy rule as a last guard, whatever the policy returned. */
    public static RoutingDecision decideGuarded(RoutingPolicy policy, RoutingContext ctx) {
        RoutingDecision d = policy.decide(ctx);
        if (d == null) {
            throw new IllegalStateException("routing policy " + policy + " returned null");
        }
        RoutingFacts f = RoutingFacts.of(ctx);
        if (d.route() == Route.REMOTE && f.remoteRoute != Route.REMOTE) {
            if (f.remoteRoute == Route.REMOTE_REDACTED) {
                return RoutingDecision.to(Route.REMOTE_REDACTED)
                        .because(d.reasons())
                        .because(f.remoteRestriction())
                        .build();
            }
            return RoutingDecision.to(f.localUsable() ? Route.LOCAL : Route.REFUSED)
                    .because(d.reasons())
                    .because("overridden: " + f.remoteRestriction())
                    .build();
        }
        if (d.route() == Route.REMOTE_REDACTED && f.remoteRoute == null) {
            return RoutingDecision.to(f.localUsable() ? Route.LOCAL : Route.REFUSED)
                    .because(d.reasons())
                    .because("overridden: " + f.remoteRestriction())
                    .build();
        }
        if (d.fallback().map(Route::leavesDevice).orElse(false) && f.remoteRoute == null) {
            return RoutingDecision.to(d.route()).because(d.reasons()).build();
        }
        return d;
    }
}
