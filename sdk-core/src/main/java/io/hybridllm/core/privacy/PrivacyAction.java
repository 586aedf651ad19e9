package io.hybridllm.core.privacy;

/** What the privacy rule allows for a request, read by routing policies. */
public enum PrivacyAction {
    /** The request may go to the remote endpoint as it is. */
    ALLOW,
    /** The request may go to the remote endpoint only with its sensitive items redacted. */
    REDACT_THEN_REMOTE,
    /** The request must not leave the device. */
    LOCAL_ONLY
}
