package io.hybridllm.cli;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;

/** A backend that exists only for dry-run routing: it reports a health and capabilities, and never runs. */
final class PlannedBackend implements ChatBackend {
    private final String name;
    private final BackendHealth health;
    private final BackendCapabilities capabilities;

    PlannedBackend(String name, BackendHealth health, BackendCapabilities capabilities) {
        this.name = name;
        this.health = health;
        this.capabilities = capabilities;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public BackendHealth health() {
        return health;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        throw new BackendUnavailableException(name + " is a planning stand-in and does not run requests");
    }

    @Override
    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        return ChatStream.ofResponse(chat(request, context));
    }

    @Override
    public void close() {}
}
