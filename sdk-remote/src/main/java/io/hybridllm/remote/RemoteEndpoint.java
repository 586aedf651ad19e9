package io.hybridllm.remote;

import java.util.Objects;
import java.util.Optional;

/**
 * One OpenAI-compatible endpoint to fail over to: a base URL (ending in {@code /v1} or the gateway's equivalent),
 * its API key, and optionally its own name and model. Immutable. {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * RemoteEndpoint.of("https://backup.example.com/v1", backupKey).withName("backup").withModel("llama-3.1-8b");
 * }</pre>
 */
public final class RemoteEndpoint {
    private final String baseUrl;
    private final String apiKey;
    private final String name;
    private final String model;

    private RemoteEndpoint(String baseUrl, String apiKey, String name, String model) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
        this.apiKey = apiKey;
        this.name = name;
        this.model = model;
    }

    /** An endpoint named after its host; {@code apiKey} may be null only for a loopback server. */
    public static RemoteEndpoint of(String baseUrl, String apiKey) {
        return new RemoteEndpoint(baseUrl, apiKey, null, null);
    }

    /** A copy with a name for responses, logs and health details ({@code "remote:<name>"}). */
    public RemoteEndpoint withName(String name) {
        return new RemoteEndpoint(baseUrl, apiKey, Objects.requireNonNull(name, "name == null"), model);
    }

    /** A copy that sends {@code model} when the request names none (instead of the backend's default model). */
    public RemoteEndpoint withModel(String model) {
        return new RemoteEndpoint(baseUrl, apiKey, name, Objects.requireNonNull(model, "model == null"));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** Whether a key was given; the key itself is not readable back. */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteEndpoint e
                && baseUrl.equals(e.baseUrl)
                && Objects.equals(apiKey, e.apiKey)
                && Objects.equals(name, e.name)
                && Objects.equals(model, e.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, apiKey, name, model);
    }

    @Override
    public String toString() {
        return "RemoteEndpoint{baseUrl=" + baseUrl + (name == null ? "" : ", name=" + name)
                + (model == null ? "" : ", model=" + model) + ", apiKey=" + (hasApiKey() ? "set" : "none") + "}";
    }
}
