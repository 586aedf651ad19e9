package io.hybridllm.core.routing;

/** Where a request is served. */
public enum Route {
    /** The embedded local model; nothing leaves the device. */
    LOCAL,
    /** The remote endpoint, with the request as given. */
    REMOTE,
    /** The remote endpoint, with detected personal data replaced by placeholders and restored in the answer. */
    REMOTE_REDACTED,
    /** Not served: the policy allows no available route (the call fails with a typed error). */
    REFUSED;

    /** Whether this route sends data off the device. */
    public boolean leavesDevice() {
        return this == REMOTE || this == REMOTE_REDACTED;
    }
}
