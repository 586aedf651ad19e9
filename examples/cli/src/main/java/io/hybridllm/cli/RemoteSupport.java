package io.hybridllm.cli;

import io.hybridllm.core.spi.ChatBackend;
import io.hybridllm.remote.OpenAiCompatibleBackend;
import java.util.Optional;

/** How the CLI opens the remote endpoint. */
final class RemoteSupport {
    private RemoteSupport() {}

    /**
     * Opens the remote backend for {@code baseUrl} (ending in {@code /v1}) with the key from {@code HYBRID_API_KEY};
     * empty when no base URL is given.
     *
     * @throws io.hybridllm.core.errors.ConfigurationException if the URL is invalid, or the key is missing for an
     *     endpoint that is not on a loopback address
     */
    static Optional<ChatBackend> open(String baseUrl, String model, String apiKey) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        OpenAiCompatibleBackend.Builder builder =
                OpenAiCompatibleBackend.builder().baseUrl(baseUrl.strip()).apiKey(apiKey);
        if (model != null && !model.isBlank()) {
            builder.model(model.strip());
        }
        return Optional.of(builder.build());
    }
}
