package io.hybridllm.cli;

import io.hybridllm.core.spi.ChatBackend;
import java.nio.file.Path;
import java.util.Optional;

/** How the CLI finds and opens the local model. */
final class LocalSupport {
    private LocalSupport() {}

    /**
     * Resolves the model directory to use: {@code explicit} if given, else {@code HYBRID_MODEL_DIR}, else the
     * default catalog model (downloaded on first use where the network allows). Empty, with {@code why} filled,
     * when no model can be had.
     */
    static Optional<Path> resolveModelDirectory(Path explicit, StringBuilder why) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String env = System.getenv("HYBRID_MODEL_DIR");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        why.append("no local model given: pass --local-model DIR or set HYBRID_MODEL_DIR");
        return Optional.empty();
    }

    /** Opens the local backend for a model directory. */
    static ChatBackend open(Path modelDirectory) {
        throw new io.hybridllm.core.errors.ModelNotAvailableException(
                "the local engine is not available in this build; cannot load " + modelDirectory);
    }
}
