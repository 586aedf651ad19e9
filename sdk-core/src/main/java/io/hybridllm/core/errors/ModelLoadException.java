package io.hybridllm.core.errors;

/**
 * A model directory or file cannot be loaded: missing files, a corrupt or truncated ONNX file, a checksum
 * mismatch, an unreadable tokenizer or config. The message names the file.
 */
public class ModelLoadException extends LocalInferenceException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
