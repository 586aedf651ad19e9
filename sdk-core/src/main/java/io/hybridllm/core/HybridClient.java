package io.hybridllm.core;

import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.experiment.ExperimentRecorder;
import io.hybridllm.core.internal.ClientRuntime;
import io.hybridllm.core.privacy.OutboundLeakAction;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.PrivacyScanners;
import io.hybridllm.core.privacy.Redactor;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.core.routing.RoutingPolicy;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.scoring.RequestScorer;
import io.hybridllm.core.spi.ChatBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one client: scores every chat request, routes it to the embedded local model or the remote endpoint by a
 * {@link RoutingPolicy}, and falls back when a route fails.
 *
 * <pre>{@code
 * try (HybridClient client = HybridClient.builder()
 *         .localBackend(LocalChatBackend.builder().modelDirectory(dir).build())
 *         .remoteBackend(OpenAiCompatibleBackend.builder().baseUrl(url).apiKey(key).model("gpt-4o-mini").build())
 *         .build()) {
 *     ChatResponse r = client.chat(ChatRequest.ofUserMessage("Why is the sky blue?"));
 *     System.out.println(r.text() + "  [" + r.routingDecision().orElseThrow().explanation() + "]");
 * }
 * }</pre>
 *
 * <p><b>Create one and share it.</b> A client is thread-safe and holds the backends (a loaded model, a connection
 * pool); creating one per request wastes them. {@link #newBuilder()} derives a client with other settings that
 * shares the same backends.
 *
 * <p><b>Shutdown.</b> {@link #close()} closes the backends given to the builder and the client's own thread pool
 * (not an executor you supplied). A derived client shares backends, so close only the original.
 *
 * <p>Every failure is a {@link io.hybridllm.core.errors.HybridException}.
 */
public final class HybridClient implements AutoCloseable {
    private final Builder config;
    private final ClientRuntime runtime;

    private HybridClient(Builder config, ClientRuntime runtime) {
        this.config = config;
        this.runtime = runtime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this client's settings; the client it builds shares this client's backends and pool. */
    public Builder newBuilder() {
        return new Builder(config, runtime);
    }

    /**
     * Answers a request, blocking until done.
     *
     * @throws io.hybridllm.core.errors.HybridException on any failure
     */
    public ChatResponse chat(ChatRequest request) {
        Objects.requireNonNull(request, "request == null");
        return runtime.chat(request, runtime.newContext(request));
    }

    /**
     * Answers a request on the client's executor. Cancelling the future cancels the call: the HTTP call is
     * cancelled, or local generation stops before its next token.
     */
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        Objects.requireNonNull(request, "request == null");
        return runtime.chatAsync(request);
    }

    /**
     * Starts a streamed answer, read on the calling thread. Close the stream (try-with-resources); closing it
     * early cancels the call.
     *
     * @throws io.hybridllm.core.errors.HybridException if no route can start
     */
    public ChatStream chatStreaming(ChatRequest request) {
        Objects.requireNonNull(request, "request == null");
        return runtime.chatStreaming(request, runtime.newContext(request));
    }

    /** Streams an answer to {@code handler} on the client's executor; the handle cancels it. */
    public StreamHandle chatStreaming(ChatRequest request, StreamHandler handler) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(handler, "handler == null");
        return runtime.chatStreaming(request, handler);
    }

    /** Scores a request without running it. */
    public RequestAssessment assess(ChatRequest request) {
        return runtime.router().assess(request);
    }

    /** Decides where a request would go now, without running it ("dry run"). */
    public RoutingDecision route(ChatRequest request) {
        return route(request, assess(request));
    }

    /** Decides where a request with this assessment would go now, without running it. */
    public RoutingDecision route(ChatRequest request, RequestAssessment assessment) {
        return runtime.router().route(request, assessment);
    }

    public Optional<ChatBackend> localBackend() {
        return Optional.ofNullable(config.local);
    }

    public Optional<ChatBackend> remoteBackend() {
        return Optional.ofNullable(config.remote);
    }

    /** Closes the backends and the client's own thread pool. Idempotent. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Configures a {@link HybridClient}. Setters validate at once; not thread-safe. */
    public static final class Builder {
        ChatBackend local;
        ChatBackend remote;
        RoutingPolicy policy = RoutingPolicies.hybrid();
        RequestScorer scorer;
        ComplexityScorer complexityScorer = ComplexityScorers.defaults();
        PrivacyScanner privacyScanner = PrivacyScanners.defaults();
        PrivacyRule privacyRule = PrivacyRule.defaults();
        Redactor redactor = Redactor.placeholders();
        OutboundLeakAction outboundLeakAction = OutboundLeakAction.SERVE_LOCALLY;
        final List<Interceptor> interceptors = new ArrayList<>();
        HybridEventListener listener = HybridEventListener.NONE;
        Executor executor;
        Duration callTimeout;
        long cacheSize;
        Duration cacheTtl;
        Experiment experiment;
        ExperimentRecorder experimentRecorder;
        private final ClientRuntime shared;

        private Builder() {
            this.shared = null;
        }

        private Builder(Builder other, ClientRuntime shared) {
            this.local = other.local;
            this.remote = other.remote;
            this.policy = other.policy;
            this.scorer = other.scorer;
            this.complexityScorer = other.complexityScorer;
            this.privacyScanner = other.privacyScanner;
            this.privacyRule = other.privacyRule;
            this.redactor = other.redactor;
            this.outboundLeakAction = other.outboundLeakAction;
            this.interceptors.addAll(other.interceptors);
            this.listener = other.listener;
            this.executor = other.executor;
            this.callTimeout = other.callTimeout;
            this.cacheSize = other.cacheSize;
            this.cacheTtl = other.cacheTtl;
            this.experiment = other.experiment;
            this.experimentRecorder = other.experimentRecorder;
            this.shared = shared;
        }

        /** The embedded local model (from {@code sdk-local}). The client closes it. */
        public Builder localBackend(ChatBackend local) {
            checkNotShared("localBackend");
            this.local = Objects.requireNonNull(local, "local == null");
            return this;
        }

        /** The remote OpenAI-compatible endpoint (from {@code sdk-remote}). The client closes it. */
        public Builder remoteBackend(ChatBackend remote) {
            checkNotShared("remoteBackend");
            this.remote = Objects.requireNonNull(remote, "remote == null");
            return this;
        }

        /** How requests are routed; default {@link RoutingPolicies#hybrid()}. */
        public Builder routingPolicy(RoutingPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** Replaces the whole request scorer (overrides {@link #complexityScorer} and {@link #privacyScanner}). */
        public Builder requestScorer(RequestScorer scorer) {
            this.scorer = Objects.requireNonNull(scorer, "scorer == null");
            return this;
        }

        /** The complexity scorer; default {@link ComplexityScorers#defaults()}. */
        public Builder complexityScorer(ComplexityScorer complexityScorer) {
            this.complexityScorer = Objects.requireNonNull(complexityScorer, "complexityScorer == null");
            return this;
        }

        /**
         * The privacy scanner, used to score requests and for the outbound check; default
         * {@link PrivacyScanners#defaults()}.
         */
        public Builder privacyScanner(PrivacyScanner privacyScanner) {
            this.privacyScanner = Objects.requireNonNull(privacyScanner, "privacyScanner == null");
            return this;
        }

        /** What may leave the device; default {@link PrivacyRule#defaults()} (sensitive requests stay local). */
        public Builder privacyRule(PrivacyRule privacyRule) {
            this.privacyRule = Objects.requireNonNull(privacyRule, "privacyRule == null");
            return this;
        }

        /** How requests are redacted on the {@code REMOTE_REDACTED} route; default {@link Redactor#placeholders()}. */
        public Builder redactor(Redactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor == null");
            return this;
        }

        /**
         * What to do when the check run just before a request leaves the device still finds data the privacy rule
         * keeps local; default {@link OutboundLeakAction#SERVE_LOCALLY}. Nothing is sent either way.
         */
        public Builder onOutboundLeak(OutboundLeakAction action) {
            this.outboundLeakAction = Objects.requireNonNull(action, "action == null");
            return this;
        }

        /**
         * Runs an A/B experiment of the local model against the remote endpoint. A request with a {@link
         * ChatRequest#user()} is routed by its unit's arm (as {@code prefer-remote} or {@code prefer-local}: the
         * privacy rule, capability needs and backend health still come first), and each of its calls is recorded,
         * with a shadow run on the other arm for the experiment's shadow share. Requests without a user are routed by
         * the routing policy and not recorded. See docs/experiments.md.
         */
        public Builder experiment(Experiment experiment, ExperimentRecorder recorder) {
            this.experiment = Objects.requireNonNull(experiment, "experiment == null");
            this.experimentRecorder = Objects.requireNonNull(recorder, "recorder == null");
            return this;
        }

        /** Adds an interceptor; interceptors run in the order added, before scoring and routing. */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
            return this;
        }

        public Builder eventListener(HybridEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        /**
         * The executor for {@code chatAsync} and handler streams. Default: a pool of daemon threads named
         * {@code hybrid-client-N}, created on first use and shut down by {@link HybridClient#close()}. A supplied
         * executor is left running. Also useful to run tests on the calling thread.
         */
        public Builder executor(Executor executor) {
            checkNotShared("executor");
            this.executor = Objects.requireNonNull(executor, "executor == null");
            return this;
        }

        /** A whole-call timeout applied to every request that sets none; default none. */
        public Builder callTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout == null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive: " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * Caches answers to deterministic requests (temperature 0 or a seed) in memory, per route, so a repeated
         * request is answered without running a model. Off by default; streams are never cached.
         *
         * @throws IllegalArgumentException if {@code maximumSize < 1} or {@code ttl} is not positive
         */
        public Builder responseCache(long maximumSize, Duration ttl) {
            Objects.requireNonNull(ttl, "ttl == null");
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be >= 1: " + maximumSize);
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive: " + ttl);
            }
            this.cacheSize = maximumSize;
            this.cacheTtl = ttl;
            return this;
        }

        /** @throws ConfigurationException if neither a local nor a remote backend is set */
        public HybridClient build() {
            if (local == null && remote == null) {
                throw new ConfigurationException("a HybridClient needs a local backend, a remote backend, or both");
            }
            RequestScorer effectiveScorer =
                    scorer != null ? scorer : RequestScorer.of(complexityScorer, privacyScanner);
            Builder frozen = new Builder(this, shared);
            ClientRuntime runtime = ClientRuntime.create(
                    shared,
                    local,
                    remote,
                    effectiveScorer,
                    policy,
                    privacyScanner,
                    privacyRule,
                    redactor,
                    outboundLeakAction,
                    List.copyOf(interceptors),
                    listener,
                    executor,
                    callTimeout,
                    cacheSize,
                    cacheTtl,
                    experiment,
                    experimentRecorder);
            return new HybridClient(frozen, runtime);
        }

        private void checkNotShared(String what) {
            if (shared != null) {
                throw new IllegalStateException(what + " cannot be changed on a derived client; it shares them");
            }
        }
    }
}
