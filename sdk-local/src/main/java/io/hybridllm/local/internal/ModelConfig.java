package io.hybridllm.local.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.errors.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine reads from a model directory's {@code config.json}, {@code generation_config.json} and
 * {@code tokenizer_config.json}. Missing optional files give defaults; unreadable ones a {@link ModelLoadException}
 * naming the file.
 */
public record ModelConfig(
        String name,
        int layers,
        int kvHeads,
        int headDim,
        int vocabSize,
        int contextWindow,
        int bosTokenId,
        List<Integer> eosTokenIds,
        boolean addBosToken,
        String chatTemplate,
        String bosToken,
        String eosToken) {

    public static ModelConfig load(Path dir) {
        JsonObject config = readJson(dir.resolve("config.json"), true);
        JsonObject gen = readJson(dir.resolve("generation_config.json"), false);
        JsonObject tok = readJson(dir.resolve("tokenizer_config.json"), false);
        if (config.has("text_config") && config.get("text_config").isJsonObject()) {
            config = config.getAsJsonObject("text_config");
        }
        String name = string(
                config,
                "_name_or_path",
                dir.getFileName() == null ? "model" : dir.getFileName().toString());
        if (name.contains("/")) {
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        if (name.isBlank()) {
            name = dir.getFileName() == null ? "model" : dir.getFileName().toString();
        }
        int hidden = integer(config, "hidden_size", integer(config, "n_embd", 0));
        int heads = integer(config, "num_attention_heads", integer(config, "n_head", 1));
        int layers = integer(config, "num_hidden_layers", integer(config, "n_layer", 0));
        int kvHeads = integer(config, "num_key_value_heads", heads);
        int headDim = integer(config, "head_dim", heads == 0 ? 0 : hidden / heads);
        int vocab = integer(config, "vocab_size", 0);
        int window = integer(config, "max_position_embeddings", integer(config, "n_positions", 2048));
        int bos = integer(gen, "bos_token_id", integer(config, "bos_token_id", -1));
        List<Integer> eos = ids(gen.has("eos_token_id") ? gen.get("eos_token_id") : config.get("eos_token_id"));
        boolean addBos = tok.has("add_bos_token") ? tok.get("add_bos_token").getAsBoolean() : false;
        String template = null;
        if (tok.has("chat_template") && tok.get("chat_template").isJsonPrimitive()) {
            template = tok.get("chat_template").getAsString();
        }
        Path jinja = dir.resolve("chat_template.jinja");
        if (template == null && Files.isRegularFile(jinja)) {
            try {
                template = Files.readString(jinja);
            } catch (IOException e) {
                throw new ModelLoadException("cannot read " + jinja, e);
            }
        }
        return new ModelConfig(
                name,
                layers,
                kvHeads,
                headDim,
                vocab,
                window,
                bos,
                eos,
                addBos,
                template,
                tokenString(tok, "bos_token"),
                tokenString(tok, "eos_token"));
    }

    private static String tokenString(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonObject() && e.getAsJsonObject().has("content")) {
            return e.getAsJsonObject().get("content").getAsString();
        }
        return e.isJsonPrimitive() ? e.getAsString() : "";
    }

    private static List<Integer> ids(JsonElement e) {
        List<Integer> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.add(x.getAsInt()));
        } else {
            out.add(e.getAsInt());
        }
        return List.copyOf(out);
    }

    private static int integer(JsonObject o, String key, int fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? fallback : e.getAsInt();
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    static JsonObject readJson(Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new ModelLoadException("missing " + file);
            }
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}
