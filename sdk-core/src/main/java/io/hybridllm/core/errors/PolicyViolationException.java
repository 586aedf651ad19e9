package io.hybridllm.core.errors;

/**
 * The routing policy refused the request: for example it holds sensitive data, the policy forbids sending it
 * off the device, and no local backend can serve it. The message names the reason, never the data.
 */
public class PolicyViolationException extends HybridException {
    private static final long serialVersionUID = 1L;

    public PolicyViolationException(String message) {
        super(message, false);
    }
}
