/**
 * Routing: a {@link io.hybridllm.core.routing.RoutingPolicy} turns a
 * {@link io.hybridllm.core.routing.RoutingContext} (the request, its assessment, what the privacy rule allows and
 * the state of both backends) into a {@link io.hybridllm.core.routing.RoutingDecision} with readable reasons. The
 * built-in policies are in {@link io.hybridllm.core.routing.RoutingPolicies}.
 */
package io.hybridllm.core.routing;
