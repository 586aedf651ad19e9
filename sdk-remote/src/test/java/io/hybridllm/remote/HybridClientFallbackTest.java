package io.hybridllm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.errors.AuthenticationException;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The router's view: an unreachable endpoint sends the request to the local backend; a refusal does not. */
class HybridClientFallbackTest {

    /** A local backend that always answers "local". */
    private static final class FakeLocal implements ChatBackend {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "local:fake";
        }

        @Override
        public BackendCapabilities capabilities() {
            return BackendCapabilities.builder().contextWindow(4096).build();
        }

        @Override
        public BackendHealth health() {
            return BackendHealth.ready();
        }

        @Override
        public ChatResponse chat(ChatRequest request, CallContext context) {
            calls.incrementAndGet();
            return ChatResponse.builder()
                    .id("local-1")
                    .model("fake")
                    .backend(name())
                    .addChoice(ChatChoice.of(0, ChatMessage.assistant("local"), FinishReason.STOP))
                    .build();
        }

        @Override
        public ChatStream chatStreaming(ChatRequest request, CallContext context) {
            return ChatStream.ofResponse(chat(request, context));
        }

        @Override
        public void close() {}
    }

    private static String refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    @Test
    void unreachableRemoteFallsBackToLocal() throws IOException {
        FakeLocal local = new FakeLocal();
        OpenAiCompatibleBackend remote = OpenAiCompatibleBackend.builder()
                .baseUrl(refusedUrl())
                .model("m")
                .maxRetries(0)
                .sleeper(d -> {})
                .build();
        try (HybridClient client = HybridClient.builder()
                .localBackend(local)
                .remoteBackend(remote)
                .routingPolicy(RoutingPolicies.preferRemote())
                .callTimeout(Duration.ofSeconds(30))
                .build()) {
            ChatResponse r = client.chat(ChatRequest.ofUserMessage("hello"));
            assertThat(r.text()).isEqualTo("local");
            assertThat(local.calls).hasValue(1);
        }
    }

    @Test
    void authenticationFailureDoesNotPretendToBeOffline() throws IOException {
        FakeLocal local = new FakeLocal();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"message\":\"bad key\"}}"));
            OpenAiCompatibleBackend remote = OpenAiCompatibleBackend.builder()
                    .baseUrl(server.url("/v1").toString())
                    .apiKey(Wire.KEY)
                    .model("m")
                    .build();
            try (HybridClient client = HybridClient.builder()
                    .localBackend(local)
                    .remoteBackend(remote)
                    .routingPolicy(RoutingPolicies.preferRemote())
                    .build()) {
                assertThatThrownBy(() -> client.chat(ChatRequest.ofUserMessage("hello")))
                        .isInstanceOf(AuthenticationException.class);
                assertThat(local.calls).hasValue(0);
                assertThat(remote.health().isReady()).isTrue();
            }
        }
    }
}
