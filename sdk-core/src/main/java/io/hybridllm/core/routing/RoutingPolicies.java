package io.hybridllm.core.routing;

import io.hybridllm.core.routing.internal.BuiltInPolicies;

/**
 * The built-in routing policies. Every one honours the client's privacy rule: a request that must stay on the
 * device is never routed off it, and one that may leave only redacted goes {@link Route#REMOTE_REDACTED}.
 *
 * <table>
 *   <caption>Policies</caption>
 *   <tr><th>policy</th><th>chooses</th><th>falls back to</th></tr>
 *   <tr><td>{@link #localOnly()}</td><td>local, always</td><td>nothing</td></tr>
 *   <tr><td>{@link #preferLocal()}</td><td>local when usable and capable, else remote</td><td>remote</td></tr>
 *   <tr><td>{@link #preferRemote()}</td><td>remote when usable and allowed, else local</td><td>local</td></tr>
 *   <tr><td>{@link #remoteOnly()}</td><td>remote, always</td><td>nothing</td></tr>
 *   <tr><td>{@link #hybrid()}</td><td>remote for capability gaps and complex requests, else local</td>
 *       <td>the other one</td></tr>
 * </table>
 */
public final class RoutingPolicies {
    /**
     * The default complexity threshold of {@link #hybrid()}. The default scorer's output is a calibrated probability
     * that the small model's answer falls short of the strong model's; about 0.3 of the labelled training prompts
     * do, so 0.3 escalates a request whose risk is at least the average one (about a third of open chat prompts).
     * Use the {@code calibrate} tool to pick the threshold for a target share of cloud calls on your own log.
     */
    public static final double DEFAULT_COMPLEXITY_THRESHOLD = 0.3;

    private RoutingPolicies() {}

    /** Always local; refused when no local backend is configured. */
    public static RoutingPolicy localOnly() {
        return BuiltInPolicies.localOnly();
    }

    /** Local when it is usable and capable of the request; otherwise remote. Falls back to remote. */
    public static RoutingPolicy preferLocal() {
        return BuiltInPolicies.preferLocal();
    }

    /** Remote when it is usable and the privacy rule allows; otherwise local. Falls back to local. */
    public static RoutingPolicy preferRemote() {
        return BuiltInPolicies.preferRemote();
    }

    /** Always remote (redacted when the privacy rule says so); refused when that is not allowed. */
    public static RoutingPolicy remoteOnly() {
        return BuiltInPolicies.remoteOnly();
    }

    /** {@link #hybrid(double)} with the default threshold of {@value #DEFAULT_COMPLEXITY_THRESHOLD}. */
    public static RoutingPolicy hybrid() {
        return hybrid(DEFAULT_COMPLEXITY_THRESHOLD);
    }

    /**
     * The default policy. In order: a capability the local model lacks (tools, JSON schema, images, a prompt
     * longer than its window) sends the request remote; so does a complexity score at or above the threshold;
     * anything else is served locally. A request that should go remote but may not (sensitive data, remote
     * offline or absent) is served locally when possible. Either route falls back to the other when allowed.
     *
     * @throws IllegalArgumentException unless {@code 0 <= complexityThreshold <= 1}
     */
    public static RoutingPolicy hybrid(double complexityThreshold) {
        return BuiltInPolicies.hybrid(complexityThreshold);
    }

    /**
     * Parses a policy name as used by the CLI: {@code local-only}, {@code prefer-local}, {@code prefer-remote},
     * {@code remote-only} or {@code hybrid}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static RoutingPolicy byName(String name) {
        switch (name) {
            case "local-only":
                return localOnly();
            case "prefer-local":
                return preferLocal();
            case "prefer-remote":
                return preferRemote();
            case "remote-only":
                return remoteOnly();
            case "hybrid":
                return hybrid();
            default:
                throw new IllegalArgumentException("unknown policy '" + name
                        + "'; expected local-only, prefer-local, prefer-remote, remote-only or hybrid");
        }
    }
}
