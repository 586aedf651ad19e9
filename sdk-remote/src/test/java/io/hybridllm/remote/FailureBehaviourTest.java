package io.hybridllm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.AuthenticationException;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.errors.BadRequestException;
import io.hybridllm.core.errors.ConflictException;
import io.hybridllm.core.errors.ConnectivityException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.MalformedResponseException;
import io.hybridllm.core.errors.NotFoundException;
import io.hybridllm.core.errors.PermissionDeniedException;
import io.hybridllm.core.errors.RateLimitedException;
import io.hybridllm.core.errors.RemoteServiceException;
import io.hybridllm.core.errors.RequestTimeoutException;
import io.hybridllm.core.errors.ServerErrorException;
import io.hybridllm.core.spi.CallContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureBehaviourTest {
    private MockWebServer server;
    private FakeClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void setUp() throws IOException {
        server = new MockWebServer();
        server.start();
        clock = new FakeClock();
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void tearDown() throws IOException {
        server.shutdown();
    }

    private OpenAiCompatibleBackend.Builder builder() {
        return OpenAiCompatibleBackend.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(Wire.KEY)
                .model("m")
                .readTimeout(Duration.ofSeconds(5))
                .sleeper(sleeper)
                .clock(clock)
                .jitter(() -> 0.0);
    }

    private static MockResponse error(int status) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("x-request-id", "req_" + status)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"status " + status + " says no\",\"type\":\"some_type\","
                        + "\"param\":null,\"code\":\"code_" + status + "\"}}");
    }

    static Stream<Arguments> statusTable() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class, false),
                Arguments.of(401, AuthenticationException.class, false),
                Arguments.of(403, PermissionDeniedException.class, false),
                Arguments.of(404, NotFoundException.class, false),
                Arguments.of(408, RequestTimeoutException.class, true),
                Arguments.of(409, ConflictException.class, true),
                Arguments.of(413, RemoteServiceException.class, false),
                Arguments.of(422, BadRequestException.class, false),
                Arguments.of(429, RateLimitedException.class, true),
                Arguments.of(500, ServerErrorException.class, true),
                Arguments.of(502, ServerErrorException.class, true),
                Arguments.of(503, ServerErrorException.class, true),
                Arguments.of(504, ServerErrorException.class, true));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}, retried={2}")
    @MethodSource("statusTable")
    void mapsEachStatusToItsExceptionAndRetriesOnlyRetryableOnes(
            int status, Class<? extends HybridException> type, boolean retried) {
        // Retry-After keeps OkHttp from silently repeating a 408 itself, so only this client's retries count
        server.enqueue(error(status).setHeader("Retry-After", "1"));
        server.enqueue(error(status).setHeader("Retry-After", "1"));
        OpenAiCompatibleBackend backend = builder().maxRetries(1).build();

        HybridException e = catchThrowableOfType(
                HybridException.class, () -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.isRetryable()).isEqualTo(retried);
        assertThat(server.getRequestCount()).isEqualTo(retried ? 2 : 1);
        assertThat(sleeper.sleeps).hasSize(retried ? 1 : 0);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("status " + status + " says no");
        assertThat(e.getMessage()).contains("req_" + status);
        if (e instanceof RemoteServiceException r) {
            assertThat(r.statusCode()).isEqualTo(status);
            assertThat(r.errorCode()).contains("code_" + status);
            assertThat(r.requestId()).contains("req_" + status);
            assertThat(r.serverMessage()).contains("status " + status + " says no");
        }
    }

    @Test
    void retriesWithExponentialBackoffAndStopsAfterMaxRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(500));
        }
        OpenAiCompatibleBackend backend = builder().maxRetries(3).build();

        assertThatThrownBy(() -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(ServerErrorException.class);

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.sleeps)
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void jitterShortensTheDelayByAtMostAQuarter() {
        server.enqueue(error(500));
        server.enqueue(error(500));
        server.enqueue(Wire.json(Wire.OK_BODY));
        OpenAiCompatibleBackend backend =
                builder().maxRetries(2).jitter(() -> 0.999).build();

        backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());

        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }

    @Test
    void backoffIsCappedAtMaxRetryDelay() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(error(503));
        }
        OpenAiCompatibleBackend backend =
                builder().maxRetries(4).maxRetryDelay(Duration.ofMillis(1500)).build();
        assertThatThrownBy(() -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(ServerErrorException.class);
        assertThat(sleeper.sleeps).last().isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void honoursRetryAfterSeconds() {
        server.enqueue(error(429).setHeader("Retry-After", "7"));
        server.enqueue(Wire.json(Wire.OK_BODY));

        ChatResponse r = builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create());

        assertThat(r.text()).isEqualTo("hello");
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        server.enqueue(error(503).setHeader("Retry-After-Ms", "250").setHeader("Retry-After", "9"));
        server.enqueue(Wire.json(Wire.OK_BODY));

        builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create());

        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.enqueue(error(429).setHeader("Retry-After", "3"));
        RateLimitedException e = catchThrowableOfType(
                RateLimitedException.class,
                () -> builder().maxRetries(0).build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create()));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void unreasonablyLongRetryAfterFallsBackToBackoff() {
        server.enqueue(error(429).setHeader("Retry-After", "3600"));
        server.enqueue(Wire.json(Wire.OK_BODY));

        builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create());

        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void serverCanForbidOrForceARetry() {
        server.enqueue(error(503).setHeader("x-should-retry", "false"));
        assertThatThrownBy(() -> builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(ServerErrorException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);

        server.enqueue(error(400).setHeader("x-should-retry", "true"));
        server.enqueue(Wire.json(Wire.OK_BODY));
        assertThat(builder()
                        .build()
                        .chat(ChatRequest.ofUserMessage("hi"), CallContext.create())
                        .text())
                .isEqualTo("hello");
    }

    @Test
    void doesNotRetryPastTheWholeCallDeadline() {
        server.enqueue(error(503).setHeader("Retry-After", "5"));
        server.enqueue(Wire.json(Wire.OK_BODY));
        OpenAiCompatibleBackend backend =
                builder().callTimeout(Duration.ofSeconds(2)).build();

        assertThatThrownBy(() -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(ServerErrorException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void requestTimeoutOverridesTheContextAndTheBackendDefault() {
        server.enqueue(error(503).setHeader("Retry-After", "5"));
        server.enqueue(Wire.json(Wire.OK_BODY));
        OpenAiCompatibleBackend backend =
                builder().callTimeout(Duration.ofSeconds(1)).build();
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("hi")
                .timeout(Duration.ofSeconds(30))
                .build();

        assertThat(backend.chat(request, CallContext.withTimeout(Duration.ofSeconds(1)))
                        .text())
                .isEqualTo("hello");
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void errorObjectInsideA200BecomesATypedError() {
        server.enqueue(Wire.json("{\"error\":{\"message\":\"quota exhausted\",\"type\":\"insufficient_quota\","
                + "\"code\":\"insufficient_quota\"}}"));
        RateLimitedException e = catchThrowableOfType(
                RateLimitedException.class,
                () -> builder().maxRetries(0).build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create()));
        assertThat(e.serverMessage()).contains("quota exhausted");
    }

    @Test
    void connectionLostWhileReadingABodyIsRetried() {
        String padded = Wire.OK_BODY.substring(0, Wire.OK_BODY.length() - 1) + ",\"pad\":\"" + "x".repeat(4096) + "\"}";
        server.enqueue(Wire.json(padded).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(Wire.json(Wire.OK_BODY));

        ChatResponse r = builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create());

        assertThat(r.text()).isEqualTo("hello");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.sleeps).hasSize(1);
    }

    @Test
    void invalidJsonIsMalformedAndNotRetried() {
        server.enqueue(Wire.json("{\"choices\": [ {\"index\": 0, "));
        server.enqueue(Wire.json(Wire.OK_BODY));
        assertThatThrownBy(() -> builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(MalformedResponseException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void responseWithoutChoicesIsMalformed() {
        server.enqueue(Wire.json("{\"id\":\"x\",\"choices\":[]}"));
        assertThatThrownBy(() -> builder().build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("no choices");
    }

    @Test
    void plainTextErrorPageKeepsItsText() {
        server.enqueue(new MockResponse().setResponseCode(502).setBody("Bad Gateway from nginx"));
        ServerErrorException e = catchThrowableOfType(
                ServerErrorException.class,
                () -> builder().maxRetries(0).build().chat(ChatRequest.ofUserMessage("hi"), CallContext.create()));
        assertThat(e.serverMessage()).contains("Bad Gateway from nginx");
    }

    @Test
    void theApiKeyNeverAppearsInMessagesOrToString() throws InterruptedException {
        server.enqueue(new MockResponse()
                .setResponseCode(401)
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + Wire.KEY
                        + ". You can find your key at ...\",\"code\":\"" + Wire.KEY + "\"}}"));
        OpenAiCompatibleBackend backend = builder().build();

        AuthenticationException e = catchThrowableOfType(
                AuthenticationException.class,
                () -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()));

        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + Wire.KEY);
        assertThat(e.getMessage()).doesNotContain(Wire.KEY).contains("Incorrect API key provided: [redacted]");
        assertThat(e.toString()).doesNotContain(Wire.KEY);
        assertThat(e.serverMessage().orElseThrow()).doesNotContain(Wire.KEY);
        assertThat(e.errorCode().orElseThrow()).doesNotContain(Wire.KEY);
        assertThat(backend.toString()).doesNotContain(Wire.KEY);
        assertThat(backend.health().toString()).doesNotContain(Wire.KEY);
        assertThat(RemoteEndpoint.of("https://x.example/v1", Wire.KEY).toString())
                .doesNotContain(Wire.KEY)
                .contains("apiKey=set");
    }

    // --- streaming ---

    @Test
    void streamRetriesAFailedStartAndThenStreams() {
        server.enqueue(error(503));
        server.enqueue(Wire.sse(Wire.resource("stream_refusal.sse")));
        ChatResponse r = builder()
                .build()
                .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create())
                .collect();
        assertThat(r.choices().get(0).refusal()).contains("I can't help.");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void errorObjectMidStreamAfterFirstChunkIsTypedAndNotRetried() {
        server.enqueue(Wire.sse(Wire.resource("stream_midstream_error.sse")));
        server.enqueue(Wire.sse(Wire.resource("stream_refusal.sse")));
        ChatStream stream = builder().build().chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create());
        Iterator<ChatChunk> chunks = stream.iterator();

        assertThat(chunks.next().delta()).isEqualTo("Partial");
        ServerErrorException e = catchThrowableOfType(ServerErrorException.class, chunks::hasNext);

        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.serverMessage()).contains("The upstream provider is overloaded");
        assertThat(server.getRequestCount()).isEqualTo(1);
        stream.close();
    }

    @Test
    void errorObjectBeforeAnyChunkIsRetried() {
        server.enqueue(Wire.sse("data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n"));
        server.enqueue(Wire.sse(Wire.resource("stream_refusal.sse")));
        ChatResponse r = builder()
                .build()
                .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create())
                .collect();
        assertThat(r.choices().get(0).refusal()).contains("I can't help.");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.sleeps).hasSize(1);
    }

    @Test
    void errorEventTypeIsTyped() {
        server.enqueue(Wire.sse("event: error\ndata: {\"message\":\"bad input\",\"code\":\"400\"}\n\n"));
        assertThatThrownBy(() -> builder()
                        .build()
                        .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create())
                        .collect())
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("bad input");
    }

    @Test
    void nonRetryableErrorObjectBeforeAnyChunkIsThrown() {
        server.enqueue(Wire.sse("data: {\"error\":{\"code\":\"code\",\"message\":\"message\",\"param\":\"param\","
                + "\"type\":\"type\"}}\n\n"));
        RemoteServiceException e = catchThrowableOfType(RemoteServiceException.class, () -> builder()
                .build()
                .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create())
                .collect());
        assertThat(e.statusCode()).isZero();
        assertThat(e.serverMessage()).contains("message");
        assertThat(e.errorCode()).contains("code");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionLostAfterFirstChunkEndsTheStreamWithConnectivityError() {
        String first = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n";
        String padding = ": " + "x".repeat(4096) + "\n\n";
        String second =
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n";
        server.enqueue(
                Wire.sse(first + padding + second).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(Wire.sse(second));
        ChatStream stream = builder().build().chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create());
        Iterator<ChatChunk> chunks = stream.iterator();

        assertThat(chunks.next().delta()).isEqualTo("Hel");
        assertThatThrownBy(chunks::hasNext)
                .isInstanceOf(ConnectivityException.class)
                .isInstanceOf(BackendUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void truncatedJsonEventIsMalformed() {
        server.enqueue(Wire.sse("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel"));
        assertThatThrownBy(() -> builder()
                        .build()
                        .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create())
                        .collect())
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void serverThatIgnoresStreamTrueIsReplayedAsAStream() {
        server.enqueue(Wire.json(Wire.OK_BODY));
        List<ChatChunk> chunks =
                builder().build().chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create()).stream()
                        .toList();
        assertThat(chunks.get(0).delta()).isEqualTo("hello");

        server.enqueue(Wire.json(Wire.resource("chat_refusal.json")));
        List<ChatChunk> refusal =
                builder().build().chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create()).stream()
                        .toList();
        assertThat(refusal.get(0).refusal()).isEqualTo("I can't help with that.");
    }

    @Test
    void slowDripStreamArrivingOneByteAtATimeParses() {
        server.enqueue(Wire.sse(Wire.resource("stream_n2_crlf.sse"))
                .throttleBody(1, 0, java.util.concurrent.TimeUnit.MILLISECONDS));
        ChatResponse r = builder()
                .build()
                .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create())
                .collect();
        assertThat(r.choices()).extracting(c -> c.message().content()).containsExactly("Hi there", "Grüß Gott 👋");
        assertThat(r.usage().totalTokens()).isEqualTo(11);
    }
}
