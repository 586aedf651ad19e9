package io.hybridllm.remote.internal;

import okhttp3.HttpUrl;

/**
 * One configured endpoint: where to post, with which key and default model, and its circuit breaker.
 *
 * @param label the name used in responses and messages, e.g. {@code "remote:api.example.com"}
 * @param apiKey the key, or the empty string for a keyless loopback server
 * @param model the model sent when the request names none, or {@code null}
 */
public record Endpoint(
        String label, HttpUrl chatUrl, String apiKey, String model, CircuitBreaker breaker, ErrorMapper errors) {

    /** Never shows the key. */
    @Override
    public String toString() {
        return label;
    }
}
