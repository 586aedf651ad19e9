package io.hybridllm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.RequestTimeoutException;
import io.hybridllm.core.spi.CallContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timeouts and cancellation. The timeout tests use short real timeouts against a server that never answers; they
 * wait for the timeout to fire, never for a fixed time, and assert no durations.
 */
class TimeoutAndCancellationTest {
    /** A first event after a comment line, as some gateways send keep-alive comments. */
    private static final String FIRST_EVENT = ": " + "p".repeat(2048) + "\n"
            + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n";

    private MockWebServer server;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private OkHttpClient recordingClient;

    @BeforeEach
    void setUp() throws IOException {
        server = new MockWebServer();
        server.start();
        recordingClient = new OkHttpClient.Builder()
                .eventListener(new EventListener() {
                    @Override
                    public void canceled(Call call) {
                        cancelled.countDown();
                    }
                })
                .build();
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
                .okHttpClient(recordingClient)
                .maxRetries(0)
                .sleeper(d -> {})
                .readTimeout(Duration.ofSeconds(30));
    }

    @Test
    void readTimeoutIsARetryableTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        OpenAiCompatibleBackend backend =
                builder().readTimeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("timed out")
                .satisfies(e ->
                        assertThat(((RequestTimeoutException) e).isRetryable()).isTrue());
    }

    @Test
    void requestTimeoutIsAWholeCallTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("hi")
                .timeout(Duration.ofMillis(200))
                .build();
        assertThatThrownBy(() -> builder().build().chat(request, CallContext.create()))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("whole-call timeout");
    }

    @Test
    void contextTimeoutIsAWholeCallTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertThatThrownBy(() -> builder()
                        .build()
                        .chat(ChatRequest.ofUserMessage("hi"), CallContext.withTimeout(Duration.ofMillis(200))))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("whole-call timeout");
    }

    @Test
    void idleStreamHitsTheReadTimeout() throws IOException {
        try (StallingServer stalling = new StallingServer(FIRST_EVENT)) {
            idleStreamHitsTheReadTimeout(stalling);
        }
    }

    private void idleStreamHitsTheReadTimeout(StallingServer stalling) {
        ChatStream stream = builder()
                .baseUrl(stalling.baseUrl())
                .readTimeout(Duration.ofMillis(200))
                .build()
                .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create());
        Iterator<ChatChunk> chunks = stream.iterator();
        assertThat(chunks.next().delta()).isEqualTo("Hel");
        assertThatThrownBy(chunks::hasNext).isInstanceOf(RequestTimeoutException.class);
        stream.close();
    }

    @Test
    void cancellingTheContextCancelsTheHttpCall() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        OpenAiCompatibleBackend backend = builder().build();
        CallContext context = CallContext.create();
        CompletableFuture<Object> future =
                CompletableFuture.supplyAsync(() -> backend.chat(ChatRequest.ofUserMessage("hi"), context));

        server.takeRequest(); // the request is on the wire
        context.cancel();

        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingTheStreamCancelsTheHttpCall() throws Exception {
        try (StallingServer stalling = new StallingServer(FIRST_EVENT)) {
            ChatStream stream = builder()
                    .baseUrl(stalling.baseUrl())
                    .build()
                    .chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create());
            Iterator<ChatChunk> chunks = stream.iterator();
            assertThat(chunks.next().delta()).isEqualTo("Hel");

            stream.close();

            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stalling.clientWentAway.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(chunks.hasNext()).isFalse();
        }
    }

    @Test
    void cancellingTheContextEndsAStreamBeingRead() throws Exception {
        try (StallingServer stalling = new StallingServer(FIRST_EVENT)) {
            CallContext context = CallContext.create();
            ChatStream stream = builder()
                    .baseUrl(stalling.baseUrl())
                    .build()
                    .chatStreaming(ChatRequest.ofUserMessage("hi"), context);
            Iterator<ChatChunk> chunks = stream.iterator();
            assertThat(chunks.next().delta()).isEqualTo("Hel");
            CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(chunks::hasNext);

            context.cancel();

            assertThatThrownBy(reader::join).hasCauseInstanceOf(CancellationException.class);
            stream.close();
        }
    }

    @Test
    void alreadyCancelledContextSendsNothing() {
        CallContext context = CallContext.create();
        context.cancel();
        assertThatThrownBy(() -> builder().build().chat(ChatRequest.ofUserMessage("hi"), context))
                .isInstanceOf(CancellationException.class);
        assertThat(server.getRequestCount()).isZero();
    }
}
