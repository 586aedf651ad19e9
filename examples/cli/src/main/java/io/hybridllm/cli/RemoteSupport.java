package io.hybridllm.cli;

import io.hybridllm.core.spi.ChatBackend;
import java.util.Optional;

/** How the CLI opens the remote endpoint. */
final class RemoteSupport {
    private RemoteSupport() {}

    /**
     * Opens the remote backend for {@code baseUrl} (ending in {@code /v1}) with the key from {@code HYBRID_API_KEY};
     * empty when no base URL is given.
     */
    static Optional<ChatBackend> open(String baseUrl, String model, String apiKey) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        throw new io.hybridllm.core.errors.ConfigurationException(
                "the remote client is not available in this build; cannot reach the configured endpoint");
    }
}
