package io.hybridllm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.ToolCall;
import io.hybridllm.core.spi.CallContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded response and stream parses to the values a plain reading of its JSON gives. The reference
 * reading here is deliberately naive (split on blank lines, strip {@code data: }, concatenate fields) and shares no
 * code with the backend.
 */
class RecordedFixturesTest {
    private MockWebServer server;
    private OpenAiCompatibleBackend backend;

    @BeforeEach
    void setUp() throws IOException {
        server = new MockWebServer();
        server.start();
        backend = OpenAiCompatibleBackend.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(Wire.KEY)
                .model("gpt-4o")
                .maxRetries(0)
                .build();
    }

    @AfterEach
    void tearDown() throws IOException {
        backend.close();
        server.shutdown();
    }

    static Stream<Path> sharedJson() {
        return Wire.sharedFiles("openai-python/json", ".json");
    }

    static Stream<Path> sharedSse() {
        return Stream.concat(
                Wire.sharedFiles("openai-python/sse", ".sse"), Wire.sharedFiles("openai-node/sse", ".sse"));
    }

    static Stream<String> ownJson() {
        return Stream.of("chat_parallel_tools.json", "chat_n2_logprobs_unknown_finish.json", "chat_refusal.json");
    }

    static Stream<String> ownSse() {
        return Stream.of("stream_parallel_tools.sse", "stream_n2_crlf.sse", "stream_refusal.sse");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedJson")
    void sharedRecordedResponsesParse(Path file) {
        assertResponseMatches(Wire.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownJson")
    void ownResponsesParse(String name) {
        assertResponseMatches(Wire.resource(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSse")
    void sharedRecordedStreamsParse(Path file) {
        assertStreamMatches(Wire.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownSse")
    void ownStreamsParse(String name) {
        assertStreamMatches(Wire.resource(name));
    }

    @Test
    void sharedStreamWithExtraLeadingNewlinesParses() {
        Path file = Wire.sharedDir().resolve("openai-node/sse/stream_is_robust_against_leading_newline_chunks_1.sse");
        String body = Wire.read(file);
        assertStreamMatches("\n\n\n" + body);
    }

    @Test
    void ownParallelToolStreamAssemblesBothCalls() {
        server.enqueue(Wire.sse(Wire.resource("stream_parallel_tools.sse")));
        ChatResponse r = stream().collect();
        assertThat(r.choices().get(0).message().toolCalls())
                .containsExactly(
                        ToolCall.of("call_x", "get_weather", "{\"city\":\"Oslo\"}"),
                        ToolCall.of("call_y", "get_time", "{\"tz\":\"CET\"}"));
        assertThat(r.finishReason()).contains(FinishReason.TOOL_CALLS);
        assertThat(r.usage().cachedPromptTokens()).isEqualTo(32);
        assertThat(r.usage().reasoningTokens()).isEqualTo(8);
    }

    @Test
    void ownInterleavedTwoChoiceStreamKeepsChoicesApart() {
        server.enqueue(Wire.sse(Wire.resource("stream_n2_crlf.sse")));
        ChatResponse r = stream().collect();
        assertThat(r.choices()).extracting(c -> c.message().content()).containsExactly("Hi there", "Grüß Gott 👋");
        assertThat(r.choices().get(0).finishReason()).contains(FinishReason.LENGTH);
        assertThat(r.choices().get(1).finishReason()).contains(FinishReason.STOP);
    }

    @Test
    void ownRefusalStreamJoinsRefusalFragments() {
        server.enqueue(Wire.sse(Wire.resource("stream_refusal.sse")));
        ChatResponse r = stream().collect();
        assertThat(r.choices().get(0).refusal()).contains("I can't help.");
        assertThat(r.text()).isEmpty();
    }

    @Test
    void unknownFinishReasonIsKeptAndChoicesAreOrderedByIndex() {
        server.enqueue(Wire.json(Wire.resource("chat_n2_logprobs_unknown_finish.json")));
        ChatResponse r = backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());
        assertThat(r.choices()).extracting(ChatChoice::index).containsExactly(0, 1);
        FinishReason reason = r.choices().get(1).finishReason().orElseThrow();
        assertThat(reason.value()).isEqualTo("eos_token");
        assertThat(reason.known()).isEqualTo(FinishReason.Known.UNKNOWN);
        assertThat(r.choices().get(1).logprobs()).hasSize(2);
        assertThat(r.choices().get(1).logprobs().get(1).logprob()).isEqualTo(-0.5);
    }

    private ChatStream stream() {
        return backend.chatStreaming(ChatRequest.ofUserMessage("hi"), CallContext.create());
    }

    private void assertResponseMatches(String body) {
        server.enqueue(Wire.json(body));
        ChatResponse r = backend.chat(ChatRequest.ofUserMessage("hi"), CallContext.create());
        JsonObject root = JsonParser.parseString(body).getAsJsonObject();

        assertThat(r.id()).isEqualTo(root.get("id").getAsString());
        assertThat(r.model()).isEqualTo(root.get("model").getAsString());
        assertThat(r.created()).isEqualTo(root.get("created").getAsLong());
        assertThat(r.backend()).isEqualTo("remote:" + server.getHostName());
        assertThat(r.systemFingerprint().orElse(null)).isEqualTo(stringOrNull(root, "system_fingerprint"));
        JsonObject usage = root.getAsJsonObject("usage");
        assertThat(r.usage().promptTokens())
                .isEqualTo(usage.get("prompt_tokens").getAsInt());
        assertThat(r.usage().completionTokens())
                .isEqualTo(usage.get("completion_tokens").getAsInt());
        assertThat(r.usage().totalTokens()).isEqualTo(usage.get("total_tokens").getAsInt());
        assertThat(r.usage().cachedPromptTokens()).isEqualTo(detail(usage, "prompt_tokens_details", "cached_tokens"));
        assertThat(r.usage().reasoningTokens())
                .isEqualTo(detail(usage, "completion_tokens_details", "reasoning_tokens"));

        JsonArray choices = root.getAsJsonArray("choices");
        assertThat(r.choices()).hasSize(choices.size());
        for (JsonElement e : choices) {
            JsonObject c = e.getAsJsonObject();
            ChatChoice choice = r.choices().get(c.get("index").getAsInt());
            JsonObject m = c.getAsJsonObject("message");
            String content = stringOrNull(m, "content");
            assertThat(choice.message().content()).isEqualTo(content == null ? "" : content);
            assertThat(choice.refusal().orElse(null)).isEqualTo(stringOrNull(m, "refusal"));
            assertThat(choice.finishReason().map(FinishReason::value).orElse(null))
                    .isEqualTo(stringOrNull(c, "finish_reason"));
            List<ToolCall> expectedCalls = new ArrayList<>();
            if (m.has("tool_calls") && !m.get("tool_calls").isJsonNull()) {
                for (JsonElement t : m.getAsJsonArray("tool_calls")) {
                    JsonObject call = t.getAsJsonObject();
                    JsonObject f = call.getAsJsonObject("function");
                    expectedCalls.add(ToolCall.of(
                            call.get("id").getAsString(),
                            f.get("name").getAsString(),
                            f.get("arguments").getAsString()));
                }
            }
            assertThat(choice.message().toolCalls()).isEqualTo(expectedCalls);
            assertThat(choice.logprobs()).extracting(l -> l.token()).isEqualTo(logprobTokens(c));
        }
    }

    private void assertStreamMatches(String body) {
        server.enqueue(Wire.sse(body));
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse r;
        try (ChatStream s = stream()) {
            s.iterator().forEachRemaining(chunks::add);
        }
        // collect the same chunks the way the SDK does
        server.enqueue(Wire.sse(body));
        r = stream().collect();

        Map<Integer, StringBuilder> text = new TreeMap<>();
        Map<Integer, StringBuilder> refusal = new TreeMap<>();
        Map<Integer, String> finish = new TreeMap<>();
        Map<Integer, Map<Integer, String[]>> calls = new TreeMap<>();
        Map<Integer, List<String>> tokens = new TreeMap<>();
        JsonObject usage = null;
        int payloads = 0;
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            List<String> dataLines = new ArrayList<>();
            for (String line : block.strip().split("\n")) {
                if (line.startsWith("data: ")) {
                    dataLines.add(line.substring(6));
                }
            }
            String data = String.join("\n", dataLines);
            if (dataLines.isEmpty() || data.equals("[DONE]")) {
                continue;
            }
            payloads++;
            JsonObject chunk = JsonParser.parseString(data).getAsJsonObject();
            if (chunk.has("usage") && !chunk.get("usage").isJsonNull()) {
                usage = chunk.getAsJsonObject("usage");
            }
            for (JsonElement e : chunk.getAsJsonArray("choices")) {
                JsonObject c = e.getAsJsonObject();
                int index = c.get("index").getAsInt();
                JsonObject delta = c.getAsJsonObject("delta");
                String content = stringOrNull(delta, "content");
                text.computeIfAbsent(index, i -> new StringBuilder()).append(content == null ? "" : content);
                String refusalPart = stringOrNull(delta, "refusal");
                if (refusalPart != null && !refusalPart.isEmpty()) {
                    refusal.computeIfAbsent(index, i -> new StringBuilder()).append(refusalPart);
                }
                String reason = stringOrNull(c, "finish_reason");
                if (reason != null) {
                    finish.put(index, reason);
                }
                if (delta.has("tool_calls")) {
                    for (JsonElement t : delta.getAsJsonArray("tool_calls")) {
                        JsonObject call = t.getAsJsonObject();
                        JsonObject f = call.getAsJsonObject("function");
                        String[] state = calls.computeIfAbsent(index, i -> new TreeMap<>())
                                .computeIfAbsent(call.get("index").getAsInt(), i -> new String[] {"", "", ""});
                        if (call.has("id")) {
                            state[0] = call.get("id").getAsString();
                        }
                        if (f.has("name")) {
                            state[1] = f.get("name").getAsString();
                        }
                        state[2] += f.has("arguments") ? f.get("arguments").getAsString() : "";
                    }
                }
                tokens.computeIfAbsent(index, i -> new ArrayList<>()).addAll(logprobTokens(c));
            }
        }
        assertThat(payloads).as("fixture has data events").isPositive();
        assertThat(chunks).isNotEmpty();
        assertThat(r.choices()).extracting(ChatChoice::index).containsExactlyElementsOf(text.keySet());
        for (ChatChoice choice : r.choices()) {
            int i = choice.index();
            assertThat(choice.message().content()).isEqualTo(text.get(i).toString());
            assertThat(choice.refusal().orElse(null))
                    .isEqualTo(refusal.containsKey(i) ? refusal.get(i).toString() : null);
            assertThat(choice.finishReason().map(FinishReason::value).orElse(null))
                    .isEqualTo(finish.get(i));
            List<ToolCall> expectedCalls = new ArrayList<>();
            calls.getOrDefault(i, Map.of()).values().forEach(c -> expectedCalls.add(ToolCall.of(c[0], c[1], c[2])));
            assertThat(choice.message().toolCalls()).isEqualTo(expectedCalls);
            assertThat(choice.logprobs()).extracting(l -> l.token()).isEqualTo(tokens.get(i));
        }
        if (usage != null) {
            assertThat(r.usage().promptTokens())
                    .isEqualTo(usage.get("prompt_tokens").getAsInt());
            assertThat(r.usage().completionTokens())
                    .isEqualTo(usage.get("completion_tokens").getAsInt());
            assertThat(r.usage().cachedPromptTokens())
                    .isEqualTo(detail(usage, "prompt_tokens_details", "cached_tokens"));
            assertThat(r.usage().reasoningTokens())
                    .isEqualTo(detail(usage, "completion_tokens_details", "reasoning_tokens"));
        }
    }

    private static List<String> logprobTokens(JsonObject choice) {
        List<String> out = new ArrayList<>();
        if (!choice.has("logprobs") || choice.get("logprobs").isJsonNull()) {
            return out;
        }
        JsonObject logprobs = choice.getAsJsonObject("logprobs");
        for (String kind : new String[] {"content", "refusal"}) {
            if (logprobs.has(kind) && logprobs.get(kind).isJsonArray()) {
                for (JsonElement t : logprobs.getAsJsonArray(kind)) {
                    out.add(t.getAsJsonObject().get("token").getAsString());
                }
            }
        }
        return out;
    }

    private static int detail(JsonObject usage, String group, String field) {
        if (!usage.has(group) || usage.get(group).isJsonNull()) {
            return 0;
        }
        JsonObject g = usage.getAsJsonObject(group);
        return g.has(field) && !g.get(field).isJsonNull() ? g.get(field).getAsInt() : 0;
    }

    private static String stringOrNull(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }
}
