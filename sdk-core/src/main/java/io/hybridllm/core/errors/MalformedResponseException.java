package io.hybridllm.core.errors;

/** A backend answered with something that is not a valid response: bad JSON, a broken event stream. */
public class MalformedResponseException extends HybridException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message, false);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
