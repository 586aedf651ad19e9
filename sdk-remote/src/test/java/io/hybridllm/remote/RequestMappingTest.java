package io.hybridllm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ResponseFormat;
import io.hybridllm.core.Role;
import io.hybridllm.core.ToolCall;
import io.hybridllm.core.ToolDefinition;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.CallContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestMappingTest {
    private MockWebServer server;

    @BeforeEach
    void setUp() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.shutdown();
    }

    private OpenAiCompatibleBackend.Builder builder() {
        return OpenAiCompatibleBackend.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(Wire.KEY)
                .model("default-model")
                .maxRetries(0);
    }

    private JsonObject send(OpenAiCompatibleBackend backend, ChatRequest request, boolean stream)
            throws InterruptedException {
        if (stream) {
            server.enqueue(Wire.sse(Wire.resource("stream_refusal.sse")));
            backend.chatStreaming(request, CallContext.create()).collect();
        } else {
            server.enqueue(Wire.json(Wire.OK_BODY));
            backend.chat(request, CallContext.create());
        }
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.getHeader("Content-Type")).startsWith("application/json");
        assertThat(recorded.getHeader("Accept")).isEqualTo(stream ? "text/event-stream" : "application/json");
        return JsonParser.parseString(recorded.getBody().readUtf8()).getAsJsonObject();
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void sendsEveryRequestField() throws InterruptedException {
        ChatRequest request = ChatRequest.builder()
                .addSystemMessage("be terse")
                .addMessage(ChatMessage.builder(Role.USER)
                        .content("what is this?")
                        .name("ann")
                        .addImageUrl("https://img.example/cat.png")
                        .build())
                .addMessage(ChatMessage.builder(Role.ASSISTANT)
                        .addToolCall(ToolCall.of("call_1", "lookup", "{\"q\":\"cat\"}"))
                        .build())
                .addMessage(ChatMessage.tool("call_1", "a cat"))
                .model("request-model")
                .temperature(0.5)
                .topP(0.9)
                .maxTokens(64)
                .addStop("END")
                .addStop("STOP")
                .seed(42)
                .n(2)
                .responseFormat(ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}", true))
                .addTool(ToolDefinition.function("lookup", "Looks things up", "{\"type\":\"object\"}"))
                .toolChoice("lookup")
                .user("user-7")
                .logprobs(true)
                .topLogprobs(3)
                .putExtraBodyProperty("top_k", 40)
                .putExtraBodyProperty("provider", Map.of("order", List.of("a", "b")))
                .build();

        JsonObject body = send(builder().build(), request, false);

        JsonObject expected = json("{"
                + "\"model\":\"request-model\","
                + "\"messages\":["
                + "{\"role\":\"system\",\"content\":\"be terse\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"what is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://img.example/cat.png\"}}],\"name\":\"ann\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":\\\"cat\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"a cat\",\"tool_call_id\":\"call_1\"}],"
                + "\"temperature\":0.5,\"top_p\":0.9,\"max_tokens\":64,\"stop\":[\"END\",\"STOP\"],\"seed\":42,\"n\":2,"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\","
                + "\"schema\":{\"type\":\"object\"},\"strict\":true}},"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"description\":\"Looks things up\","
                + "\"parameters\":{\"type\":\"object\"}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}},"
                + "\"user\":\"user-7\",\"logprobs\":true,\"top_logprobs\":3,"
                + "\"top_k\":40,\"provider\":{\"order\":[\"a\",\"b\"]}}");
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void minimalRequestUsesTheDefaultModelAndSendsNoUnsetField() throws InterruptedException {
        JsonObject body = send(builder().build(), ChatRequest.ofUserMessage("hi"), false);
        assertThat(body)
                .isEqualTo(json("{\"model\":\"default-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    }

    @Test
    void streamingAsksForUsageInTheLastChunk() throws InterruptedException {
        JsonObject body = send(builder().build(), ChatRequest.ofUserMessage("hi"), true);
        assertThat(body.get("stream").getAsBoolean()).isTrue();
        assertThat(body.getAsJsonObject("stream_options")).isEqualTo(json("{\"include_usage\":true}"));
    }

    @Test
    void extraBodyReplacesAStandardField() throws InterruptedException {
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("hi")
                .maxTokens(10)
                .putExtraBodyProperty("max_tokens", 99)
                .putExtraBodyProperty("nothing", null)
                .build();
        JsonObject body = send(builder().build(), request, false);
        assertThat(body.get("max_tokens").getAsInt()).isEqualTo(99);
        assertThat(body.has("nothing")).isTrue();
        assertThat(body.get("nothing").isJsonNull()).isTrue();
    }

    @Test
    void simpleToolChoicesAndOtherFormatsAreStrings() throws InterruptedException {
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("hi")
                .toolChoice("required")
                .responseFormat(ResponseFormat.jsonObject())
                .build();
        JsonObject body = send(
                builder().useMaxCompletionTokens(true).build(),
                request.toBuilder().maxTokens(5).build(),
                false);
        assertThat(body.get("tool_choice").getAsString()).isEqualTo("required");
        assertThat(body.getAsJsonObject("response_format")).isEqualTo(json("{\"type\":\"json_object\"}"));
        assertThat(body.get("max_completion_tokens").getAsInt()).isEqualTo(5);
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void sendsAuthorizationAndCustomHeaders() throws InterruptedException {
        OpenAiCompatibleBackend backend =
                builder().putHeader("HTTP-Referer", "https://app.example").build();
        server.enqueue(Wire.json(Wire.OK_BODY));
        backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeader("Authorization")).isEqualTo("Bearer " + Wire.KEY);
        assertThat(recorded.getHeader("HTTP-Referer")).isEqualTo("https://app.example");
    }

    @Test
    void responseNamesTheBackendAndUsage() {
        server.enqueue(Wire.json(Wire.resource("chat_parallel_tools.json")));
        OpenAiCompatibleBackend backend = builder().name("gateway").build();
        var r = backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());
        assertThat(backend.name()).isEqualTo("remote:gateway");
        assertThat(r.backend()).isEqualTo("remote:gateway");
        assertThat(r.usage().cachedPromptTokens()).isEqualTo(64);
        assertThat(r.usage().reasoningTokens()).isEqualTo(16);
        assertThat(r.systemFingerprint()).contains("fp_own");
    }

    @Test
    void invalidToolSchemaIsAConfigurationError() {
        ChatRequest request = ChatRequest.builder()
                .addUserMessage("hi")
                .addTool(ToolDefinition.function("broken", "", "{not json"))
                .build();
        assertThatThrownBy(() -> builder().build().chat(request, CallContext.create()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broken");
        assertThat(server.getRequestCount()).isZero();
    }

    // --- configuration ---

    @Test
    void missingKeyIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> OpenAiCompatibleBackend.builder()
                        .baseUrl("https://api.gateway.example/v1")
                        .model("m")
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("apiKey is missing")
                .hasMessageContaining("HYBRID_API_KEY");
        assertThatThrownBy(() -> OpenAiCompatibleBackend.builder()
                        .baseUrl("https://api.gateway.example/v1")
                        .apiKey("k")
                        .addFallbackEndpoint("https://backup.example/v1", " ")
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("remote:backup.example");
    }

    @Test
    void missingOrInvalidBaseUrlIsAConfigurationError() {
        assertThatThrownBy(() -> OpenAiCompatibleBackend.builder().apiKey("k").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("baseUrl is missing");
        assertThatThrownBy(() -> OpenAiCompatibleBackend.builder()
                        .baseUrl("ftp://x")
                        .apiKey("k")
                        .build())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void loopbackEndpointMayHaveNoKeyAndSendsNoAuthorization() throws InterruptedException {
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder()
                .baseUrl(server.url("/v1/").toString())
                .model("llama3.2")
                .build();
        server.enqueue(Wire.json(Wire.OK_BODY));
        backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeader("Authorization")).isNull();
        assertThat(recorded.getPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void noModelAnywhereIsAConfigurationError() {
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey("k")
                .build();
        assertThatThrownBy(() -> backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no model");
    }

    @Test
    void capabilitiesDefaultToCloudAndCanBeConfigured() {
        assertThat(builder().build().capabilities()).isEqualTo(BackendCapabilities.cloudDefaults());
        BackendCapabilities small =
                BackendCapabilities.builder().contextWindow(8192).build();
        assertThat(builder().capabilities(small).build().capabilities()).isEqualTo(small);
    }
}
