package io.hybridllm.local.ner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.hybridllm.core.errors.ModelLoadException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** What the tagger needs from a Hugging Face {@code config.json}: the labels and the position limit. */
final class NerConfig {
    /** Used when {@code config.json} has no {@code max_position_embeddings}: BERT's limit. */
    static final int DEFAULT_MAX_POSITIONS = 512;

    final String[] labels;
    final int maxPositions;

    private NerConfig(String[] labels, int maxPositions) {
        this.labels = labels;
        this.maxPositions = maxPositions;
    }

    static NerConfig read(Path file) {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model config " + file, e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model config " + file, e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelLoadException("malformed model config " + file + ": " + e.getMessage(), e);
        }
        if (!(root.get("id2label") instanceof JsonObject id2label) || id2label.size() == 0) {
            throw new ModelLoadException(file + " has no id2label: a token-classification export must name its labels"
                    + " (e.g. {\"0\": \"O\", \"1\": \"B-PER\", ...})");
        }
        String[] labels = new String[id2label.size()];
        boolean allGeneric = true;
        for (Map.Entry<String, JsonElement> e : id2label.entrySet()) {
            int id;
            try {
                id = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new ModelLoadException(file + ": id2label key '" + e.getKey() + "' is not a number", ex);
            }
            if (id < 0 || id >= labels.length || labels[id] != null) {
                throw new ModelLoadException(file + ": id2label ids must be 0.." + (labels.length - 1) + " once each");
            }
            if (!e.getValue().isJsonPrimitive() || e.getValue().getAsString().isBlank()) {
                throw new ModelLoadException(file + ": id2label entry " + id + " is not a label name");
            }
            labels[id] = e.getValue().getAsString().trim();
            allGeneric &= labels[id].matches("LABEL_\\d+");
        }
        if (allGeneric) {
            throw new ModelLoadException(
                    file + ": id2label holds only generic LABEL_n names; the export lost the" + " model's label names");
        }
        int maxPositions = DEFAULT_MAX_POSITIONS;
        JsonElement m = root.get("max_position_embeddings");
        if (m != null && m.isJsonPrimitive()) {
            try {
                maxPositions = m.getAsInt();
            } catch (NumberFormatException ex) {
                throw new ModelLoadException(file + ": max_position_embeddings is not a number", ex);
            }
        }
        // RoBERTa-style models number positions from pad_token_id + 1: 514 embeddings hold 512 tokens.
        JsonElement type = root.get("model_type");
        String modelType =
                type != null && type.isJsonPrimitive() ? type.getAsString().toLowerCase(java.util.Locale.ROOT) : "";
        JsonElement padId = root.get("pad_token_id");
        if ((modelType.contains("roberta") || modelType.equals("camembert") || modelType.equals("longformer"))
                && padId != null
                && padId.isJsonPrimitive()) {
            maxPositions -= padId.getAsInt() + 1;
        }
        return new NerConfig(labels, maxPositions);
    }

    /**
     * The {@code model_max_length} of an optional {@code tokenizer_config.json}, or {@link Integer#MAX_VALUE} if the
     * file or the setting is absent (or is the "no limit" sentinel the transformers library writes).
     */
    static int modelMaxLength(Path tokenizerConfig) {
        if (!Files.isRegularFile(tokenizerConfig)) {
            return Integer.MAX_VALUE;
        }
        try (Reader r = Files.newBufferedReader(tokenizerConfig, StandardCharsets.UTF_8)) {
            JsonElement m = JsonParser.parseReader(r).getAsJsonObject().get("model_max_length");
            if (m == null || !m.isJsonPrimitive()) {
                return Integer.MAX_VALUE;
            }
            double v = m.getAsDouble();
            return v >= 1 && v < 1_000_000 ? (int) v : Integer.MAX_VALUE;
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + tokenizerConfig, e);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ModelLoadException("malformed " + tokenizerConfig + ": " + e.getMessage(), e);
        }
    }
}
