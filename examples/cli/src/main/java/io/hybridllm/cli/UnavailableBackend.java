package io.hybridllm.cli;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;

/**
 * Stands in for a backend the CLI could not open, so the router sees the slot as unavailable with the reason, and
 * any call names it.
 */
final class UnavailableBackend implements ChatBackend {
    private final String slot;
    private final String reason;

    UnavailableBackend(String slot, String reason) {
        this.slot = slot;
        this.reason = reason;
    }

    @Override
    public String name() {
        return slot + ":unavailable";
    }

    @Override
    public BackendCapabilities capabilities() {
        return slot.equals("local") ? BackendCapabilities.builder().build() : BackendCapabilities.cloudDefaults();
    }

    @Override
    public BackendHealth health() {
        return BackendHealth.unavailable(reason);
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        throw new BackendUnavailableException(reason);
    }

    @Override
    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        throw new BackendUnavailableException(reason);
    }

    @Override
    public void close() {}
}
