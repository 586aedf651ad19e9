package io.hybridllm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.errors.AuthenticationException;
import io.hybridllm.core.errors.BadRequestException;
import io.hybridllm.core.errors.CircuitOpenException;
import io.hybridllm.core.errors.ConnectivityException;
import io.hybridllm.core.errors.ServerErrorException;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailoverAndCircuitTest {
    private MockWebServer primary;
    private MockWebServer secondary;
    private FakeClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void setUp() throws IOException {
        primary = new MockWebServer();
        primary.start();
        secondary = new MockWebServer();
        secondary.start();
        clock = new FakeClock();
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void tearDown() throws IOException {
        primary.shutdown();
        secondary.shutdown();
    }

    private OpenAiCompatibleBackend.Builder builder(String baseUrl) {
        return OpenAiCompatibleBackend.builder()
                .baseUrl(baseUrl)
                .name("primary")
                .apiKey(Wire.KEY)
                .model("m")
                .readTimeout(Duration.ofSeconds(5))
                .sleeper(sleeper)
                .clock(clock)
                .jitter(() -> 0.0);
    }

    private OpenAiCompatibleBackend.Builder twoEndpoints() {
        return builder(primary.url("/v1").toString())
                .addFallbackEndpoint(RemoteEndpoint.of(secondary.url("/v1").toString(), "other-key")
                        .withName("secondary")
                        .withModel("backup-model"));
    }

    private static ChatResponse chat(OpenAiCompatibleBackend backend) {
        return backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());
    }

    /** A loopback port with nothing listening: connections are refused at once. */
    private static String refusedUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "/v1";
    }

    @Test
    void failsOverToTheNextEndpointAfterRetryableFailures() throws InterruptedException {
        primary.enqueue(new MockResponse().setResponseCode(503));
        primary.enqueue(new MockResponse().setResponseCode(503));
        secondary.enqueue(Wire.json(Wire.OK_BODY));

        ChatResponse r = chat(twoEndpoints().maxRetries(1).build());

        assertThat(r.backend()).isEqualTo("remote:secondary");
        assertThat(primary.getRequestCount()).isEqualTo(2);
        var sent = secondary.takeRequest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer other-key");
        assertThat(sent.getBody().readUtf8()).contains("\"model\":\"backup-model\"");
        assertThat(sleeper.sleeps).hasSize(1);
    }

    @Test
    void doesNotFailOverOnAuthenticationOrBadRequest() {
        primary.enqueue(new MockResponse().setResponseCode(401));
        assertThatThrownBy(() -> chat(twoEndpoints().build())).isInstanceOf(AuthenticationException.class);
        primary.enqueue(new MockResponse().setResponseCode(422));
        assertThatThrownBy(() -> chat(twoEndpoints().build())).isInstanceOf(BadRequestException.class);
        assertThat(secondary.getRequestCount()).isZero();
    }

    @Test
    void connectionRefusedIsConnectivityAndFailsOver() throws IOException {
        secondary.enqueue(Wire.json(Wire.OK_BODY));
        OpenAiCompatibleBackend backend = builder(refusedUrl())
                .maxRetries(0)
                .addFallbackEndpoint(
                        RemoteEndpoint.of(secondary.url("/v1").toString(), "k").withName("secondary"))
                .build();

        assertThat(chat(backend).backend()).isEqualTo("remote:secondary");
    }

    @Test
    void unreachableEndpointIsOfflineNotAServerRefusal() throws IOException {
        OpenAiCompatibleBackend backend = builder(refusedUrl())
                .maxRetries(1)
                .circuitBreaker(2, Duration.ofSeconds(30))
                .build();

        assertThatThrownBy(() -> chat(backend))
                .isInstanceOf(ConnectivityException.class)
                .hasMessageContaining("cannot reach remote:primary")
                .satisfies(e ->
                        assertThat(((ConnectivityException) e).isRetryable()).isTrue());

        BackendHealth health = backend.health();
        assertThat(health.state()).isEqualTo(BackendHealth.State.UNAVAILABLE);
        assertThat(health.detail()).startsWith("offline: cannot reach remote:primary");
    }

    @Test
    void dnsFailureIsConnectivity() {
        OkHttpClient noDns = new OkHttpClient.Builder()
                .dns(host -> {
                    throw new UnknownHostException("no address for " + host);
                })
                .build();
        OpenAiCompatibleBackend backend = builder("https://api.gateway.invalid/v1")
                .okHttpClient(noDns)
                .maxRetries(0)
                .build();
        assertThatThrownBy(() -> chat(backend))
                .isInstanceOf(ConnectivityException.class)
                .hasMessageContaining("UnknownHostException");
    }

    @Test
    void connectTimeoutIsConnectivityBecauseTheServerWasNeverReached() {
        OkHttpClient blackhole = new OkHttpClient.Builder()
                .socketFactory(new SocketFactory() {
                    @Override
                    public Socket createSocket() {
                        return new Socket() {
                            @Override
                            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                                throw new SocketTimeoutException("Connect timed out");
                            }
                        };
                    }

                    @Override
                    public Socket createSocket(String host, int port) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(InetAddress host, int port) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                        throw new UnsupportedOperationException();
                    }
                })
                .build();
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString())
                .okHttpClient(blackhole)
                .maxRetries(1)
                .circuitBreaker(2, Duration.ofSeconds(30))
                .build();

        assertThatThrownBy(() -> chat(backend))
                .isInstanceOf(ConnectivityException.class)
                .hasMessageContaining("Connect timed out");
        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(backend.health().detail()).startsWith("offline:");
        assertThat(primary.getRequestCount()).isZero();
    }

    @Test
    void serverErrorsOpenTheCircuitWithoutClaimingOffline() {
        primary.enqueue(new MockResponse().setResponseCode(500));
        primary.enqueue(new MockResponse().setResponseCode(500));
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString())
                .maxRetries(1)
                .circuitBreaker(2, Duration.ofSeconds(30))
                .build();
        assertThat(backend.health().isReady()).isTrue();

        assertThatThrownBy(() -> chat(backend)).isInstanceOf(ServerErrorException.class);

        assertThat(backend.circuitStates()).containsExactly(Map.entry("remote:primary", CircuitState.OPEN));
        BackendHealth health = backend.health();
        assertThat(health.state()).isEqualTo(BackendHealth.State.UNAVAILABLE);
        assertThat(health.detail()).startsWith("circuit open for remote:primary after 2 consecutive failures");
    }

    @Test
    void openCircuitFailsFastWithoutANetworkCall() {
        primary.enqueue(new MockResponse().setResponseCode(500));
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString())
                .maxRetries(0)
                .circuitBreaker(1, Duration.ofSeconds(30))
                .build();
        assertThatThrownBy(() -> chat(backend)).isInstanceOf(ServerErrorException.class);

        assertThatThrownBy(() -> chat(backend))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessageContaining("remote:primary")
                .satisfies(e ->
                        assertThat(((CircuitOpenException) e).isRetryable()).isTrue());
        assertThat(primary.getRequestCount()).isEqualTo(1);
    }

    @Test
    void halfOpenTrialSuccessClosesTheCircuit() {
        primary.enqueue(new MockResponse().setResponseCode(500));
        primary.enqueue(Wire.json(Wire.OK_BODY));
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString())
                .maxRetries(0)
                .circuitBreaker(1, Duration.ofSeconds(30))
                .build();
        assertThatThrownBy(() -> chat(backend)).isInstanceOf(ServerErrorException.class);

        clock.advance(Duration.ofSeconds(29));
        assertThat(backend.circuitStates().get("remote:primary")).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backend.circuitStates().get("remote:primary")).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(backend.health().isReady()).isTrue();

        assertThat(chat(backend).text()).isEqualTo("hello");
        assertThat(backend.circuitStates().get("remote:primary")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void halfOpenTrialFailureReopensTheCircuit() {
        primary.enqueue(new MockResponse().setResponseCode(500));
        primary.enqueue(new MockResponse().setResponseCode(502));
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString())
                .maxRetries(0)
                .circuitBreaker(1, Duration.ofSeconds(30))
                .build();
        assertThatThrownBy(() -> chat(backend)).isInstanceOf(ServerErrorException.class);
        clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> chat(backend)).isInstanceOf(ServerErrorException.class);

        assertThat(backend.circuitStates().get("remote:primary")).isEqualTo(CircuitState.OPEN);
        assertThat(backend.health().isReady()).isFalse();
    }

    @Test
    void openPrimaryIsSkippedStraightToTheSecondary() {
        primary.enqueue(new MockResponse().setResponseCode(500));
        secondary.enqueue(Wire.json(Wire.OK_BODY));
        secondary.enqueue(Wire.json(Wire.OK_BODY));
        OpenAiCompatibleBackend backend = twoEndpoints()
                .maxRetries(0)
                .circuitBreaker(1, Duration.ofSeconds(30))
                .build();

        assertThat(chat(backend).backend()).isEqualTo("remote:secondary");
        assertThat(chat(backend).backend()).isEqualTo("remote:secondary");

        assertThat(primary.getRequestCount()).isEqualTo(1);
        assertThat(backend.health().isReady()).isTrue();
        assertThat(backend.circuitStates())
                .containsExactly(
                        Map.entry("remote:primary", CircuitState.OPEN),
                        Map.entry("remote:secondary", CircuitState.CLOSED));
    }

    @Test
    void clientErrorsDoNotCountAgainstTheCircuit() {
        for (int i = 0; i < 3; i++) {
            primary.enqueue(new MockResponse().setResponseCode(400));
        }
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString())
                .circuitBreaker(2, Duration.ofSeconds(30))
                .build();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> chat(backend)).isInstanceOf(BadRequestException.class);
        }
        assertThat(backend.circuitStates().get("remote:primary")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void closedBackendReportsUnavailable() {
        OpenAiCompatibleBackend backend = builder(primary.url("/v1").toString()).build();
        backend.close();
        backend.close();
        assertThat(backend.health().detail()).isEqualTo("closed");
    }
}
