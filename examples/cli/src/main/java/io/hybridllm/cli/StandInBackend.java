package io.hybridllm.cli;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import java.util.function.Function;

/**
 * A backend that stands in for a real one: it reports a health and capabilities to the router, and either answers
 * with a fixed function or fails with a reason. Used for dry-run routing, for a backend the CLI could not open, and
 * for benchmarks of the client itself.
 */
final class StandInBackend implements ChatBackend {
    private final String name;
    private final BackendHealth health;
    private final BackendCapabilities capabilities;
    private final Function<ChatRequest, ChatResponse> answer;
    private final String failure;

    private StandInBackend(
            String name,
            BackendHealth health,
            BackendCapabilities capabilities,
            Function<ChatRequest, ChatResponse> answer,
            String failure) {
        this.name = name;
        this.health = health;
        this.capabilities = capabilities;
        this.answer = answer;
        this.failure = failure;
    }

    /** Reports {@code health} for dry-run routing; never runs a request. */
    static StandInBackend planned(String name, BackendHealth health, BackendCapabilities capabilities) {
        return new StandInBackend(
                name, health, capabilities, null, name + " is a planning stand-in and does not run requests");
    }

    /** A slot the CLI could not fill: unavailable for {@code reason}, and any call says so. */
    static StandInBackend unavailable(String slot, String reason) {
        BackendCapabilities caps =
                slot.equals("local") ? BackendCapabilities.builder().build() : BackendCapabilities.cloudDefaults();
        return new StandInBackend(slot + ":unavailable", BackendHealth.unavailable(reason), caps, null, reason);
    }

    /** Ready, and answers every request at once with {@code answer}. */
    static StandInBackend answering(
            String name, BackendCapabilities capabilities, Function<ChatRequest, ChatResponse> answer) {
        return new StandInBackend(name, BackendHealth.ready(), capabilities, answer, null);
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
        if (answer == null) {
            throw new BackendUnavailableException(failure);
        }
        return answer.apply(request);
    }

    @Override
    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        return ChatStream.ofResponse(chat(request, context));
    }

    @Override
    public void close() {}
}
