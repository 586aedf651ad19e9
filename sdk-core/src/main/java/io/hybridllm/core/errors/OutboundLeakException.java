package io.hybridllm.core.errors;

/**
 * The last check before a request leaves the device found data the privacy rule keeps local, so the request was
 * not sent. The message names the types found, never the data.
 */
public class OutboundLeakException extends PolicyViolationException {
    private static final long serialVersionUID = 1L;

    public OutboundLeakException(String message) {
        super(message);
    }
}
