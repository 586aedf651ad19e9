package io.hybridllm.remote.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import io.hybridllm.core.errors.MalformedResponseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads chat-completion responses and stream chunks from Gson trees into the SDK's value types. Unknown fields
 * are ignored; unknown finish reasons are kept. Thread-safe.
 */
public final class ResponseDecoder {
    private ResponseDecoder() {}

    /**
     * A complete response.
     *
     * @throws MalformedResponseException if it has no choices or a choice has no message
     */
    public static ChatResponse response(JsonObject root, String backend) {
        JsonArray choices = Json.array(root, "choices");
        if (choices == null || choices.isEmpty()) {
            throw new MalformedResponseException("response from " + backend + " has no choices");
        }
        ChatResponse.Builder b = ChatResponse.builder()
                .id(orEmpty(Json.string(root, "id")))
                .model(orEmpty(Json.string(root, "model")))
                .created(Json.longValue(root, "created", 0))
                .systemFingerprint(Json.string(root, "system_fingerprint"))
                .usage(usage(Json.object(root, "usage")))
                .backend(backend);
        for (JsonElement element : choices) {
            if (!element.isJsonObject()) {
                throw new MalformedResponseException("response from " + backend + " has a choice that is no object");
            }
            b.addChoice(choice(element.getAsJsonObject(), backend));
        }
        return b.build();
    }

    private static ChatChoice choice(JsonObject c, String backend) {
        JsonObject m = Json.object(c, "message");
        if (m == null) {
            throw new MalformedResponseException("response from " + backend + " has a choice without a message");
        }
        ChatMessage.Builder message = ChatMessage.builder(Role.ASSISTANT);
        String content = Json.string(m, "content");
        message.content(content);
        JsonArray calls = Json.array(m, "tool_calls");
        if (calls != null) {
            for (JsonElement e : calls) {
                JsonObject call = e.getAsJsonObject();
                JsonObject function = Json.object(call, "function");
                message.addToolCall(ToolCall.of(
                        orEmpty(Json.string(call, "id")),
                        orEmpty(Json.string(function, "name")),
                        orEmpty(Json.string(function, "arguments"))));
            }
        }
        if (content == null && (calls == null || calls.isEmpty())) {
            message.content("");
        }
        String finish = Json.string(c, "finish_reason");
        return ChatChoice.of(
                Json.integer(c, "index", 0),
                message.build(),
                finish == null ? null : FinishReason.of(finish),
                Json.string(m, "refusal"),
                logprobs(Json.object(c, "logprobs")));
    }

    /**
     * The chunks of one stream event: one per choice, or a single usage chunk when the event carries usage with
     * no choices. Usage sent alongside choices is attached to the last of them.
     */
    public static List<ChatChunk> chunks(JsonObject root) {
        String id = orEmpty(Json.string(root, "id"));
        String model = orEmpty(Json.string(root, "model"));
        JsonObject usageJson = Json.object(root, "usage");
        Usage usage = usageJson == null ? null : usage(usageJson);
        JsonArray choices = Json.array(root, "choices");
        List<ChatChunk> out = new ArrayList<>(choices == null ? 1 : choices.size());
        if (choices != null) {
            for (JsonElement element : choices) {
                JsonObject c = element.getAsJsonObject();
                ChatChunk.Builder b = ChatChunk.builder().id(id).model(model).choiceIndex(Json.integer(c, "index", 0));
                JsonObject delta = Json.object(c, "delta");
                if (delta != null) {
                    String content = Json.string(delta, "content");
                    if (content != null) {
                        b.delta(content);
                    }
                    String refusal = Json.string(delta, "refusal");
                    if (refusal != null) {
                        b.refusal(refusal);
                    }
                    JsonArray calls = Json.array(delta, "tool_calls");
                    if (calls != null) {
                        for (int i = 0; i < calls.size(); i++) {
                            JsonObject call = calls.get(i).getAsJsonObject();
                            JsonObject function = Json.object(call, "function");
                            b.addToolCallDelta(ToolCallDelta.of(
                                    Json.integer(call, "index", i),
                                    Json.string(call, "id"),
                                    Json.string(function, "name"),
                                    orEmpty(Json.string(function, "arguments"))));
                        }
                    }
                }
                String finish = Json.string(c, "finish_reason");
                if (finish != null) {
                    b.finishReason(FinishReason.of(finish));
                }
                logprobs(Json.object(c, "logprobs")).forEach(b::addLogprob);
                out.add(b.build());
            }
        }
        if (usage != null) {
            if (out.isEmpty()) {
                out.add(ChatChunk.builder().id(id).model(model).usage(usage).build());
            } else {
                int last = out.size() - 1;
                out.set(last, out.get(last).toBuilder().usage(usage).build());
            }
        }
        return out;
    }

    static Usage usage(JsonObject u) {
        if (u == null) {
            return Usage.empty();
        }
        int cached = Json.integer(Json.object(u, "prompt_tokens_details"), "cached_tokens", 0);
        int reasoning = Json.integer(Json.object(u, "completion_tokens_details"), "reasoning_tokens", 0);
        return Usage.of(
                Math.max(0, Json.integer(u, "prompt_tokens", 0)),
                Math.max(0, Json.integer(u, "completion_tokens", 0)),
                Math.max(0, cached),
                Math.max(0, reasoning));
    }

    /** Content token log-probabilities, then refusal ones; empty when none were sent. */
    static List<TokenLogprob> logprobs(JsonObject logprobs) {
        if (logprobs == null) {
            return List.of();
        }
        List<TokenLogprob> out = new ArrayList<>();
        addTokens(Json.array(logprobs, "content"), out);
        addTokens(Json.array(logprobs, "refusal"), out);
        return out;
    }

    private static void addTokens(JsonArray tokens, List<TokenLogprob> out) {
        if (tokens == null) {
            return;
        }
        for (JsonElement e : tokens) {
            JsonObject t = e.getAsJsonObject();
            JsonElement lp = Json.member(t, "logprob");
            out.add(TokenLogprob.of(orEmpty(Json.string(t, "token")), lp == null ? 0 : lp.getAsDouble()));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
