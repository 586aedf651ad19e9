package io.hybridllm.core.privacy;

/**
 * What the client does when its last check before a request leaves the device still finds data the
 * {@link PrivacyRule} would keep local: a redactor that missed an item, an interceptor that added data, or a custom
 * routing policy that ignored the rule. Nothing is sent in either case.
 */
public enum OutboundLeakAction {
    /**
     * Serve the request on the device instead, when the routing decision names the local backend as its fallback;
     * otherwise refuse. The decision's reasons record the switch. The default.
     */
    SERVE_LOCALLY,
    /** Refuse the request with an {@link io.hybridllm.core.errors.OutboundLeakException}. */
    REFUSE
}
