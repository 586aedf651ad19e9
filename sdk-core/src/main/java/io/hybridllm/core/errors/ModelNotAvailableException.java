package io.hybridllm.core.errors;

/** The local model is not present (not downloaded, no directory given) or not loaded yet. */
public class ModelNotAvailableException extends BackendUnavailableException {
    private static final long serialVersionUID = 1L;

    public ModelNotAvailableException(String message) {
        super(message);
    }

    public ModelNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
