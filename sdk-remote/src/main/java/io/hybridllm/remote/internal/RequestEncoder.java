package io.hybridllm.remote.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ResponseFormat;
import io.hybridllm.core.ToolCall;
import io.hybridllm.core.ToolDefinition;
import io.hybridllm.core.errors.ConfigurationException;
import java.util.Map;

/** Writes a {@link ChatRequest} as a chat-completions request body. Thread-safe. */
public final class RequestEncoder {
    private static final Gson GSON =
            new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final boolean maxCompletionTokens;

    /** @param maxCompletionTokens send {@code max_completion_tokens} instead of {@code max_tokens} */
    public RequestEncoder(boolean maxCompletionTokens) {
        this.maxCompletionTokens = maxCompletionTokens;
    }

    /**
     * The JSON body. {@code defaultModel} applies when the request names none; extra body properties are written
     * last and replace standard fields of the same name.
     *
     * @throws ConfigurationException if a tool or response-format schema is not valid JSON
     */
    public String encode(ChatRequest request, String defaultModel, boolean stream) {
        return GSON.toJson(toJson(request, defaultModel, stream));
    }

    JsonObject toJson(ChatRequest request, String defaultModel, boolean stream) {
        JsonObject body = new JsonObject();
        body.addProperty("model", request.model().orElse(defaultModel));
        JsonArray messages = new JsonArray(request.messages().size());
        for (ChatMessage m : request.messages()) {
            messages.add(message(m));
        }
        body.add("messages", messages);
        request.temperature().ifPresent(t -> body.addProperty("temperature", t));
        request.topP().ifPresent(p -> body.addProperty("top_p", p));
        request.maxTokens()
                .ifPresent(t -> body.addProperty(maxCompletionTokens ? "max_completion_tokens" : "max_tokens", t));
        if (!request.stop().isEmpty()) {
            JsonArray stop = new JsonArray();
            request.stop().forEach(stop::add);
            body.add("stop", stop);
        }
        request.seed().ifPresent(s -> body.addProperty("seed", s));
        request.n().ifPresent(n -> body.addProperty("n", n));
        request.responseFormat().ifPresent(f -> body.add("response_format", responseFormat(f)));
        if (!request.tools().isEmpty()) {
            JsonArray tools = new JsonArray();
            for (ToolDefinition t : request.tools()) {
                tools.add(tool(t));
            }
            body.add("tools", tools);
        }
        request.toolChoice().ifPresent(c -> body.add("tool_choice", toolChoice(c)));
        request.user().ifPresent(u -> body.addProperty("user", u));
        if (request.logprobs()) {
            body.addProperty("logprobs", true);
        }
        request.topLogprobs().ifPresent(t -> body.addProperty("top_logprobs", t));
        if (stream) {
            body.addProperty("stream", true);
            JsonObject options = new JsonObject();
            options.addProperty("include_usage", true);
            body.add("stream_options", options);
        }
        for (Map.Entry<String, Object> e : request.extraBody().entrySet()) {
            body.add(e.getKey(), GSON.toJsonTree(e.getValue()));
        }
        return body;
    }

    private static JsonObject message(ChatMessage m) {
        JsonObject o = new JsonObject();
        o.addProperty("role", m.role().wireName());
        if (!m.imageUrls().isEmpty()) {
            JsonArray parts = new JsonArray();
            if (m.hasContent() && !m.content().isEmpty()) {
                JsonObject text = new JsonObject();
                text.addProperty("type", "text");
                text.addProperty("text", m.content());
                parts.add(text);
            }
            for (String url : m.imageUrls()) {
                JsonObject image = new JsonObject();
                image.addProperty("type", "image_url");
                JsonObject imageUrl = new JsonObject();
                imageUrl.addProperty("url", url);
                image.add("image_url", imageUrl);
                parts.add(image);
            }
            o.add("content", parts);
        } else if (m.hasContent()) {
            o.addProperty("content", m.content());
        } else {
            o.add("content", com.google.gson.JsonNull.INSTANCE);
        }
        m.name().ifPresent(n -> o.addProperty("name", n));
        m.toolCallId().ifPresent(id -> o.addProperty("tool_call_id", id));
        if (!m.toolCalls().isEmpty()) {
            JsonArray calls = new JsonArray();
            for (ToolCall c : m.toolCalls()) {
                JsonObject call = new JsonObject();
                call.addProperty("id", c.id());
                call.addProperty("type", "function");
                JsonObject function = new JsonObject();
                function.addProperty("name", c.name());
                function.addProperty("arguments", c.arguments());
                call.add("function", function);
                calls.add(call);
            }
            o.add("tool_calls", calls);
        }
        return o;
    }

    private static JsonObject responseFormat(ResponseFormat f) {
        JsonObject o = new JsonObject();
        o.addProperty("type", f.type().wireName());
        if (f.type() == ResponseFormat.Type.JSON_SCHEMA) {
            JsonObject schema = new JsonObject();
            schema.addProperty("name", f.schemaName().orElse("response"));
            schema.add("schema", parse(f.schemaJson().orElse("{}"), "response format schema"));
            schema.addProperty("strict", f.strict());
            o.add("json_schema", schema);
        }
        return o;
    }

    private static JsonObject tool(ToolDefinition t) {
        JsonObject function = new JsonObject();
        function.addProperty("name", t.name());
        if (!t.description().isEmpty()) {
            function.addProperty("description", t.description());
        }
        function.add("parameters", parse(t.parametersJsonSchema(), "parameters of tool " + t.name()));
        JsonObject o = new JsonObject();
        o.addProperty("type", "function");
        o.add("function", function);
        return o;
    }

    private static JsonElement toolChoice(String choice) {
        switch (choice) {
            case "auto":
            case "none":
            case "required":
                return new JsonPrimitive(choice);
            default:
                JsonObject function = new JsonObject();
                function.addProperty("name", choice);
                JsonObject o = new JsonObject();
                o.addProperty("type", "function");
                o.add("function", function);
                return o;
        }
    }

    private static JsonElement parse(String json, String what) {
        try {
            return JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new ConfigurationException("the " + what + " is not valid JSON", e);
        }
    }
}
