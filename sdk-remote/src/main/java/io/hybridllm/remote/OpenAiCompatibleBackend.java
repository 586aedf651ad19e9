package io.hybridllm.remote;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import io.hybridllm.remote.internal.CircuitBreaker;
import io.hybridllm.remote.internal.Endpoint;
import io.hybridllm.remote.internal.ErrorMapper;
import io.hybridllm.remote.internal.RemoteCaller;
import io.hybridllm.remote.internal.RequestEncoder;
import io.hybridllm.remote.internal.RetryPolicy;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A {@link ChatBackend} for any OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, LiteLLM, vLLM,
 * Ollama, llama.cpp server), on OkHttp and Gson.
 *
 * <pre>{@code
 * ChatBackend remote = OpenAiCompatibleBackend.builder()
 *     .baseUrl("https://openrouter.ai/api/v1")
 *     .apiKey(System.getenv("HYBRID_API_KEY"))
 *     .model("openai/gpt-4o-mini")
 *     .addFallbackEndpoint(RemoteEndpoint.of("http://localhost:11434/v1", null).withModel("llama3.2"))
 *     .build();
 * }</pre>
 *
 * <p><b>Failure handling.</b> I/O errors, timeouts, 408, 409, 429 and 5xx are retried with exponential backoff and
 * jitter (honouring {@code Retry-After-Ms}, {@code Retry-After} and {@code x-should-retry}), up to
 * {@link Builder#maxRetries(int)} times per endpoint; then the next endpoint is tried. 400, 401, 403, 404 and 422
 * end the call at once. A stream is never retried after its first chunk reached the caller. Each endpoint has a
 * circuit breaker; when every endpoint's circuit is open, {@link #health()} reports {@code UNAVAILABLE} and calls
 * fail fast with {@link io.hybridllm.core.errors.CircuitOpenException}. "Never reached" failures (no network, DNS,
 * refused) throw {@link io.hybridllm.core.errors.ConnectivityException}; the server's refusals throw a
 * {@link io.hybridllm.core.errors.RemoteServiceException} subclass.
 *
 * <p><b>Keys.</b> Every endpoint needs an API key, except one on a loopback address (a local Ollama or vLLM),
 * which may have none. The key is sent only as a bearer token and never appears in messages or {@code toString()}.
 *
 * <p><b>Resources.</b> Without {@link Builder#okHttpClient(OkHttpClient)} the backend owns its client and
 * {@link #close()} evicts its idle connections. A caller-supplied client is shared (through
 * {@link OkHttpClient#newBuilder()}) and left alone by {@code close()}.
 */
public final class OpenAiCompatibleBackend implements ChatBackend {
    private final String name;
    private final BackendCapabilities capabilities;
    private final RemoteCaller caller;
    private final List<Endpoint> endpoints;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpenAiCompatibleBackend(Builder b, List<Endpoint> endpoints, OkHttpClient client) {
        this.name = endpoints.get(0).label();
        this.capabilities = b.capabilities;
        this.endpoints = endpoints;
        this.client = client;
        this.ownsClient = b.okHttpClient == null;
        RetryPolicy retry = new RetryPolicy(b.maxRetries, b.initialRetryDelay, b.maxRetryDelay, b.jitter);
        this.caller = new RemoteCaller(
                client,
                endpoints,
                retry,
                b.sleeper,
                b.clock,
                new RequestEncoder(b.maxCompletionTokens),
                b.headers,
                b.callTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code "remote:<name>"} of the primary endpoint; responses name the endpoint that actually answered. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendCapabilities capabilities() {
        return capabilities;
    }

    /**
     * {@code READY} while some endpoint's circuit admits calls; {@code UNAVAILABLE} when all are open (the detail
     * says whether the endpoints were unreachable, i.e. the device looks offline) or the backend is closed. No
     * network call.
     */
    @Override
    public BackendHealth health() {
        if (closed.get()) {
            return BackendHealth.unavailable("closed");
        }
        for (Endpoint e : endpoints) {
            if (e.breaker().admitsCalls()) {
                return BackendHealth.ready();
            }
        }
        Endpoint primary = endpoints.get(0);
        CircuitBreaker breaker = primary.breaker();
        String retryIn = "; next trial in " + breaker.remainingOpen().toSeconds() + "s";
        String which = endpoints.size() == 1 ? primary.label() : "all " + endpoints.size() + " endpoints";
        if (breaker.lastFailureOffline()) {
            return BackendHealth.unavailable(
                    "offline: cannot reach " + which + " (last: " + breaker.lastFailure() + ")" + retryIn);
        }
        return BackendHealth.unavailable("circuit open for " + which + " after " + breaker.consecutiveFailures()
                + " consecutive failures (last: " + breaker.lastFailure() + ")" + retryIn);
    }

    /** The circuit state of each endpoint, by its name ({@code "remote:<name>"}), in failover order. */
    public Map<String, CircuitState> circuitStates() {
        Map<String, CircuitState> states = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            states.put(e.label(), e.breaker().state());
        }
        return states;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        checkOpen();
        return caller.chat(request, context);
    }

    @Override
    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        checkOpen();
        return caller.stream(request, context);
    }

    /** Evicts idle connections of a client this backend created. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleBackend{" + name + ", endpoints=" + endpoints.size() + "}";
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    /** Builds an {@link OpenAiCompatibleBackend}. Not thread-safe. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private String model;
        private String name;
        private final List<RemoteEndpoint> fallbacks = new ArrayList<>();
        private OkHttpClient okHttpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);
        private Duration callTimeout = Duration.ofMinutes(10);
        private int maxRetries = 2;
        private Duration initialRetryDelay = Duration.ofMillis(500);
        private Duration maxRetryDelay = Duration.ofSeconds(8);
        private int failureThreshold = 5;
        private Duration openDuration = Duration.ofSeconds(30);
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private BackendCapabilities capabilities = BackendCapabilities.cloudDefaults();
        private boolean maxCompletionTokens;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        private Builder() {}

        /** The primary endpoint's base URL, e.g. {@code https://api.openai.com/v1}; required. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
            return this;
        }

        /** The primary endpoint's key; required unless the endpoint is on a loopback address. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The model sent when a request names none. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The primary endpoint's name ({@code "remote:<name>"}); defaults to its host. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** Adds an endpoint tried, in the order added, when the ones before it fail with retryable errors. */
        public Builder addFallbackEndpoint(RemoteEndpoint endpoint) {
            fallbacks.add(Objects.requireNonNull(endpoint, "endpoint == null"));
            return this;
        }

        /** Adds a fallback endpoint named after its host. */
        public Builder addFallbackEndpoint(String baseUrl, String apiKey) {
            return addFallbackEndpoint(RemoteEndpoint.of(baseUrl, apiKey));
        }

        /** Shares a client's connection pool and dispatcher; the backend derives its own timeouts from it. */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = Objects.requireNonNull(client, "client == null");
            return this;
        }

        /** Time to open a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Longest silence between bytes, e.g. between two stream chunks; default 120 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * The whole-call timeout across retries and endpoints, including reading a stream to its end; default 10
         * minutes. A {@link CallContext#timeout()} or {@link ChatRequest#timeout()} replaces it (the request's
         * first).
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /** Retries per endpoint after its first attempt; default 2, 0 disables retries. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first backoff delay (doubling per retry, less up to 25% jitter); default 0.5 s. */
        public Builder initialRetryDelay(Duration delay) {
            this.initialRetryDelay = positive(delay, "initialRetryDelay");
            return this;
        }

        /** The longest backoff delay; default 8 s. */
        public Builder maxRetryDelay(Duration delay) {
            this.maxRetryDelay = positive(delay, "maxRetryDelay");
            return this;
        }

        /**
         * Opens an endpoint's circuit after {@code failureThreshold} consecutive failures (I/O errors, timeouts,
         * 5xx; each attempt counts) for {@code openDuration}; defaults 5 and 30 s.
         */
        public Builder circuitBreaker(int failureThreshold, Duration openDuration) {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be >= 1: " + failureThreshold);
            }
            this.failureThreshold = failureThreshold;
            this.openDuration = positive(openDuration, "openDuration");
            return this;
        }

        /** How to wait between retries; tests record instead of sleeping. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        /** The time source for deadlines and the circuit breaker; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** What the model behind the endpoint can do; default {@link BackendCapabilities#cloudDefaults()}. */
        public Builder capabilities(BackendCapabilities capabilities) {
            this.capabilities = Objects.requireNonNull(capabilities, "capabilities == null");
            return this;
        }

        /** Sends {@code max_completion_tokens} instead of {@code max_tokens} (for OpenAI reasoning models). */
        public Builder useMaxCompletionTokens(boolean enabled) {
            this.maxCompletionTokens = enabled;
            return this;
        }

        /** Adds a header sent to every endpoint, e.g. OpenRouter's {@code HTTP-Referer}. */
        public Builder putHeader(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            return this;
        }

        /** The jitter source, a value in [0, 1); for tests. */
        Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter == null");
            return this;
        }

        /**
         * @throws ConfigurationException if the base URL is missing or invalid, or an endpoint that is not on a
         *     loopback address has no API key
         */
        public OpenAiCompatibleBackend build() {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new ConfigurationException("baseUrl is missing: set the endpoint's base URL, e.g. "
                        + "https://api.openai.com/v1 (the CLI reads --remote-url or HYBRID_BASE_URL)");
            }
            List<RemoteEndpoint> all = new ArrayList<>();
            RemoteEndpoint primary = RemoteEndpoint.of(baseUrl, apiKey);
            all.add(name == null ? primary : primary.withName(name));
            all.addAll(fallbacks);
            List<Endpoint> endpoints = new ArrayList<>();
            for (RemoteEndpoint e : all) {
                endpoints.add(endpoint(e));
            }
            OkHttpClient base = okHttpClient == null ? new OkHttpClient() : okHttpClient;
            OkHttpClient client = base.newBuilder()
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .writeTimeout(readTimeout)
                    .callTimeout(Duration.ZERO)
                    .build();
            return new OpenAiCompatibleBackend(this, endpoints, client);
        }

        private Endpoint endpoint(RemoteEndpoint e) {
            HttpUrl url = HttpUrl.parse(e.baseUrl().strip());
            if (url == null) {
                throw new ConfigurationException("base URL is not an http(s) URL: " + e.baseUrl());
            }
            String label = "remote:" + e.name().orElse(url.host());
            if (!e.hasApiKey() && !isLoopback(url.host())) {
                throw new ConfigurationException("apiKey is missing for " + label + " (" + url.scheme() + "://"
                        + url.host() + "): set apiKey(...) (the CLI reads HYBRID_API_KEY); only loopback endpoints"
                        + " may have no key");
            }
            String key = e.hasApiKey() ? e.apiKey().strip() : "";
            HttpUrl chatUrl =
                    url.newBuilder().addPathSegments("chat/completions").build();
            if (url.pathSegments().size() > 0
                    && url.pathSegments().get(url.pathSegments().size() - 1).isEmpty()) {
                chatUrl = url.newBuilder()
                        .removePathSegment(url.pathSegments().size() - 1)
                        .addPathSegments("chat/completions")
                        .build();
            }
            return new Endpoint(
                    label,
                    chatUrl,
                    key,
                    e.model().orElse(model),
                    new CircuitBreaker(failureThreshold, openDuration, clock),
                    new ErrorMapper(label, key));
        }

        private static boolean isLoopback(String host) {
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                return true;
            }
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                return false; // a name other than localhost: do not resolve it here
            }
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }
    }
}
