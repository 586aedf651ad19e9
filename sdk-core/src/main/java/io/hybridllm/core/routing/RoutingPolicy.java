package io.hybridllm.core.routing;

/**
 * Decides where a request is served. Implementations are pure functions of the context: thread-safe, fast, no
 * I/O. Built-in policies are in {@link RoutingPolicies}.
 *
 * <pre>{@code
 * RoutingPolicy shortLocal = ctx -> ctx.localPromptTokens() < 500
 *     ? RoutingDecision.to(Route.LOCAL).because("short prompt").build()
 *     : RoutingDecision.to(Route.REMOTE).because("long prompt").build();
 * }</pre>
 *
 * <p>A custom policy should respect {@link RoutingContext#privacyAction()}; the client checks it again and refuses
 * to send data off the device against it.
 */
@FunctionalInterface
public interface RoutingPolicy {
    RoutingDecision decide(RoutingContext context);
}
