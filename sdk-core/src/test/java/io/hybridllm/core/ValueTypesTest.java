package io.hybridllm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.internal.ChunkAccumulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void chatRequest_toBuilder_roundTripsEveryField() {
        ChatRequest r = ChatRequest.builder()
                .addSystemMessage("sys")
                .addUserMessage("hi")
                .model("gpt-4o-mini")
                .temperature(0.3)
                .topP(0.9)
                .maxTokens(10)
                .addStop("END")
                .seed(7)
                .n(2)
                .responseFormat(ResponseFormat.jsonSchema("s", "{}", true))
                .addTool(ToolDefinition.function("f", "d", "{}"))
                .toolChoice("auto")
                .user("u1")
                .logprobs(true)
                .topLogprobs(3)
                .timeout(Duration.ofSeconds(5))
                .putExtraBodyProperty("top_k", 40)
                .build();

        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    }

    @Test
    void chatRequest_builderRejectsBadValuesNamingTheField() {
        assertThatThrownBy(() -> ChatRequest.builder().temperature(3)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> ChatRequest.builder().maxTokens(0)).hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> ChatRequest.builder().topP(0)).hasMessageContaining("topP");
        assertThatThrownBy(() -> ChatRequest.builder().build()).hasMessageContaining("at least one message");
    }

    @Test
    void chatRequest_isImmutableAfterBuild() {
        ChatRequest.Builder b = ChatRequest.builder().addUserMessage("a");
        ChatRequest r = b.build();
        b.addUserMessage("b");

        assertThat(r.messages()).hasSize(1);
        assertThatThrownBy(() -> r.messages().add(ChatMessage.user("c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toString_neverContainsMessageText() {
        String secret = "my card is 4111 1111 1111 1111";
        ChatRequest r = ChatRequest.ofUserMessage(secret);

        assertThat(r.toString()).doesNotContain(secret);
        assertThat(r.messages().get(0).toString()).doesNotContain(secret);
    }

    @Test
    void finishReason_unknownValueIsKeptNotRejected() {
        FinishReason f = FinishReason.of("eos_token");

        assertThat(f.known()).isEqualTo(FinishReason.Known.UNKNOWN);
        assertThat(f.value()).isEqualTo("eos_token");
        assertThat(FinishReason.of("stop")).isSameAs(FinishReason.STOP);
    }

    @Test
    void chunkAccumulator_joinsTextAndToolCallFragmentsPerIndex() {
        ChunkAccumulator acc = new ChunkAccumulator();
        acc.add(ChatChunk.builder()
                .id("c1")
                .model("m")
                .addToolCallDelta(ToolCallDelta.of(0, "call_a", "weather", "{\"ci"))
                .addToolCallDelta(ToolCallDelta.of(1, "call_b", "time", "{}"))
                .build());
        acc.add(ChatChunk.builder()
                .addToolCallDelta(ToolCallDelta.of(0, null, null, "ty\":\"Paris\"}"))
                .finishReason(FinishReason.TOOL_CALLS)
                .build());
        acc.add(ChatChunk.builder().choiceIndex(1).delta("Hel").build());
        acc.add(ChatChunk.builder()
                .choiceIndex(1)
                .delta("lo")
                .finishReason(FinishReason.STOP)
                .build());
        acc.add(ChatChunk.builder().usage(Usage.of(5, 7)).build());

        ChatResponse r = acc.toResponse();

        assertThat(r.id()).isEqualTo("c1");
        assertThat(r.usage()).isEqualTo(Usage.of(5, 7));
        assertThat(r.choices()).hasSize(2);
        assertThat(r.choices().get(0).message().toolCalls())
                .containsExactly(
                        ToolCall.of("call_a", "weather", "{\"city\":\"Paris\"}"), ToolCall.of("call_b", "time", "{}"));
        assertThat(r.choices().get(0).finishReason()).contains(FinishReason.TOOL_CALLS);
        assertThat(r.choices().get(1).message().content()).isEqualTo("Hello");
    }

    @Test
    void replayingAResponse_thenCollecting_givesItBack() {
        ChatResponse r = ChatResponse.builder()
                .id("x")
                .model("m")
                .addChoice(ChatChoice.of(0, ChatMessage.assistant("hello"), FinishReason.STOP))
                .usage(Usage.of(1, 2))
                .build();

        // Re-wrap the replayed chunks so collect() must assemble them instead of returning the original.
        ChatStream replay = ChatStream.ofResponse(r);
        ChatResponse assembled = ChatStream.of(replay.iterator(), () -> {}).collect();

        assertThat(assembled.text()).isEqualTo("hello");
        assertThat(assembled.usage()).isEqualTo(Usage.of(1, 2));
        assertThat(assembled.finishReason()).contains(FinishReason.STOP);
    }

    @Test
    void toolMessage_needsAToolCallId() {
        assertThatThrownBy(() -> ChatMessage.builder(Role.TOOL).content("42").build())
                .hasMessageContaining("toolCallId");
    }
}
