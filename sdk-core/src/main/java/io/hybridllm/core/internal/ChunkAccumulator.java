package io.hybridllm.core.internal;

import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.Role;
import io.hybridllm.core.TokenLogprob;
import io.hybridllm.core.ToolCall;
import io.hybridllm.core.ToolCallDelta;
import io.hybridllm.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Assembles streamed chunks into a {@link ChatResponse}: text per choice, tool calls per index, usage. */
public final class ChunkAccumulator {
    private final Map<Integer, ChoiceState> choices = new TreeMap<>();
    private String id = "";
    private String model = "";
    private Usage usage = Usage.empty();

    public void add(ChatChunk chunk) {
        if (!chunk.id().isEmpty()) {
            id = chunk.id();
        }
        if (!chunk.model().isEmpty()) {
            model = chunk.model();
        }
        chunk.usage().ifPresent(u -> usage = u);
        boolean usageOnly = chunk.usage().isPresent()
                && chunk.delta().isEmpty()
                && chunk.toolCallDeltas().isEmpty()
                && chunk.refusal().isEmpty()
                && chunk.finishReason().isEmpty();
        if (usageOnly) {
            return;
        }
        ChoiceState state = choices.computeIfAbsent(chunk.choiceIndex(), i -> new ChoiceState());
        state.text.append(chunk.delta());
        if (!chunk.refusal().isEmpty()) {
            state.refusal = state.refusal == null ? new StringBuilder() : state.refusal;
            state.refusal.append(chunk.refusal());
        }
        for (ToolCallDelta d : chunk.toolCallDeltas()) {
            ToolCallState call = state.toolCalls.computeIfAbsent(d.index(), i -> new ToolCallState());
            d.id().ifPresent(v -> call.id = v);
            d.name().ifPresent(v -> call.name = v);
            call.arguments.append(d.argumentsFragment());
        }
        chunk.finishReason().ifPresent(f -> state.finishReason = f);
        state.logprobs.addAll(chunk.logprobs());
    }

    public ChatResponse toResponse() {
        ChatResponse.Builder b = ChatResponse.builder().id(id).model(model).usage(usage);
        if (choices.isEmpty()) {
            choices.put(0, new ChoiceState());
        }
        choices.forEach((index, state) -> {
            ChatMessage.Builder message = ChatMessage.builder(Role.ASSISTANT);
            if (state.text.length() > 0 || state.toolCalls.isEmpty()) {
                message.content(state.text.toString());
            }
            state.toolCalls
                    .values()
                    .forEach(c -> message.addToolCall(ToolCall.of(c.id, c.name, c.arguments.toString())));
            b.addChoice(ChatChoice.of(
                    index,
                    message.build(),
                    state.finishReason,
                    state.refusal == null ? null : state.refusal.toString(),
                    state.logprobs));
        });
        return b.build();
    }

    private static final class ChoiceState {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();
        final List<TokenLogprob> logprobs = new ArrayList<>();
        FinishReason finishReason;
        StringBuilder refusal;
    }

    private static final class ToolCallState {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }
}
