package io.hybridllm.core;

import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link ChatRequest}: the generated choices, token usage, the model that answered and, when it
 * came through a {@link HybridClient}, the route taken with its reasons. Immutable.
 *
 * <pre>{@code
 * ChatResponse response = client.chat(request);
 * System.out.println(response.text());
 * System.out.println(response.routingDecision().map(RoutingDecision::explanation).orElse(""));
 * }</pre>
 */
public final class ChatResponse {
    private final String id;
    private final String model;
    private final long created;
    private final String systemFingerprint;
    private final List<ChatChoice> choices;
    private final Usage usage;
    private final String backend;
    private final RoutingDecision routingDecision;

    private ChatResponse(Builder b) {
        this.id = b.id;
        this.model = b.model;
        this.created = b.created;
        this.systemFingerprint = b.systemFingerprint;
        this.choices = List.copyOf(b.choices);
        this.usage = b.usage;
        this.backend = b.backend;
        this.routingDecision = b.routingDecision;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The response id the server assigned, or a locally generated one. */
    public String id() {
        return id;
    }

    /** The model that produced the answer, as reported by the backend. */
    public String model() {
        return model;
    }

    /** Creation time in seconds since the epoch. */
    public long created() {
        return created;
    }

    public Optional<String> systemFingerprint() {
        return Optional.ofNullable(systemFingerprint);
    }

    /** The choices, ordered by index; never empty. */
    public List<ChatChoice> choices() {
        return choices;
    }

    /** The text of the first choice (empty if it only holds tool calls). */
    public String text() {
        return choices.get(0).message().content();
    }

    /** The finish reason of the first choice. */
    public Optional<FinishReason> finishReason() {
        return choices.get(0).finishReason();
    }

    public Usage usage() {
        return usage;
    }

    /** The name of the backend that produced this response, e.g. {@code "local:aidreams260K"}. */
    public String backend() {
        return backend;
    }

    /** The routing decision with its reasons, when the response came through a {@link HybridClient}. */
    public Optional<RoutingDecision> routingDecision() {
        return Optional.ofNullable(routingDecision);
    }

    /** The route actually taken (after any fallback), when known. */
    public Optional<Route> route() {
        return routingDecision().map(RoutingDecision::route);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatResponse r
                && id.equals(r.id)
                && model.equals(r.model)
                && created == r.created
                && Objects.equals(systemFingerprint, r.systemFingerprint)
                && choices.equals(r.choices)
                && usage.equals(r.usage)
                && backend.equals(r.backend)
                && Objects.equals(routingDecision, r.routingDecision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, model, created, systemFingerprint, choices, usage, backend, routingDecision);
    }

    @Override
    public String toString() {
        return "ChatResponse{id=" + id + ", model=" + model + ", backend=" + backend + ", choices=" + choices.size()
                + ", usage=" + usage + (routingDecision == null ? "" : ", route=" + routingDecision.route()) + "}";
    }

    /** Builds a {@link ChatResponse}. Not thread-safe. */
    public static final class Builder {
        private String id = "";
        private String model = "";
        private long created;
        private String systemFingerprint;
        private final List<ChatChoice> choices = new ArrayList<>();
        private Usage usage = Usage.empty();
        private String backend = "";
        private RoutingDecision routingDecision;

        private Builder() {}

        private Builder(ChatResponse r) {
            id = r.id;
            model = r.model;
            created = r.created;
            systemFingerprint = r.systemFingerprint;
            choices.addAll(r.choices);
            usage = r.usage;
            backend = r.backend;
            routingDecision = r.routingDecision;
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id == null");
            return this;
        }

        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return this;
        }

        public Builder created(long created) {
            this.created = created;
            return this;
        }

        public Builder systemFingerprint(String systemFingerprint) {
            this.systemFingerprint = systemFingerprint;
            return this;
        }

        public Builder addChoice(ChatChoice choice) {
            choices.add(Objects.requireNonNull(choice, "choice == null"));
            return this;
        }

        /** Replaces all choices. */
        public Builder choices(List<ChatChoice> choices) {
            this.choices.clear();
            choices.forEach(this::addChoice);
            return this;
        }

        public Builder usage(Usage usage) {
            this.usage = Objects.requireNonNull(usage, "usage == null");
            return this;
        }

        public Builder backend(String backend) {
            this.backend = Objects.requireNonNull(backend, "backend == null");
            return this;
        }

        public Builder routingDecision(RoutingDecision routingDecision) {
            this.routingDecision = routingDecision;
            return this;
        }

        /** @throws IllegalStateException if there is no choice */
        public ChatResponse build() {
            if (choices.isEmpty()) {
                throw new IllegalStateException("a chat response needs at least one choice");
            }
            choices.sort((a, b) -> Integer.compare(a.index(), b.index()));
            return new ChatResponse(this);
        }
    }
}
