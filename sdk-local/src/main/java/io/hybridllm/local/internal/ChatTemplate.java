package io.hybridllm.local.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.errors.ModelLoadException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a conversation into the prompt text a model was trained on: the model's Jinja {@code chat_template} (from
 * {@code tokenizer_config.json}) through Jinjava, or, when the model has none, a plain {@code role: content} layout.
 * Thread-safe.
 */
public final class ChatTemplate {
    private final String template;
    private final String bosToken;
    private final String eosToken;
    private final Jinjava jinjava;

    private ChatTemplate(String template, String bosToken, String eosToken) {
        this.template = template;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        this.jinjava = template == null
                ? null
                : new Jinjava(JinjavaConfig.newBuilder()
                        .withTrimBlocks(true)
                        .withLstripBlocks(true)
                        .withFailOnUnknownTokens(false)
                        .build());
    }

    /** The model's template, or the plain fallback when {@code template} is null or blank. */
    public static ChatTemplate of(String template, String bosToken, String eosToken) {
        return new ChatTemplate(template == null || template.isBlank() ? null : template, bosToken, eosToken);
    }

    /** Whether the model ships its own template (which then adds any BOS token itself). */
    public boolean isModelTemplate() {
        return template != null;
    }

    /** Renders {@code messages} and the opening of the assistant's turn. */
    public String render(List<ChatMessage> messages) {
        if (template == null) {
            StringBuilder sb = new StringBuilder();
            for (ChatMessage m : messages) {
                sb.append(m.role().wireName()).append(": ").append(m.content()).append('\n');
            }
            return sb.append("assistant:").toString();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChatMessage m : messages) {
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("role", m.role().wireName());
            msg.put("content", m.content());
            list.add(msg);
        }
        Map<String, Object> context = new HashMap<>();
        context.put("messages", list);
        context.put("add_generation_prompt", true);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        RenderResult result = jinjava.renderForResult(template, context);
        for (TemplateError e : result.getErrors()) {
            if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new ModelLoadException("the model's chat_template cannot be rendered: " + e.getMessage());
            }
        }
        return result.getOutput();
    }
}
