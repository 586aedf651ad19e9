package io.hybridllm.core.errors;

/** The client or a backend is misconfigured: a missing API key, a bad base URL, no backend at all. */
public class ConfigurationException extends HybridException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, false);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
