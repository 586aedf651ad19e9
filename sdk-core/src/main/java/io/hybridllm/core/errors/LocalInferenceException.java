package io.hybridllm.core.errors;

/** The local engine failed while running the model (an ONNX Runtime error, an unexpected tensor shape). */
public class LocalInferenceException extends HybridException {
    private static final long serialVersionUID = 1L;

    public LocalInferenceException(String message) {
        super(message, false);
    }

    public LocalInferenceException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
