package io.hybridllm.local.ner;

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
import java.util.Arrays;

/**
 * A tokenizer that keeps, for every token, the UTF-16 span of the original text it came from and the index of its
 * word. Implementations are immutable and thread-safe.
 */
interface TokenEncoder {
    /** The tokens of {@code text}, without special tokens. */
    Encoding encode(String text);

    /** The id that opens a sequence ({@code [CLS]}, {@code <s>}). */
    int cls();

    /** The id that closes a sequence ({@code [SEP]}, {@code </s>}). */
    int sep();

    /** The padding id. */
    int pad();

    /** The tokenizer's own {@code truncation.max_length}, or {@link Integer#MAX_VALUE} if it sets none. */
    int truncation();

    /** The padding id {@code tokenizer.json} sets ({@code padding.pad_id}), else {@code fallback}. */
    static int padId(JsonObject root, int fallback) {
        return root.get("padding") instanceof JsonObject p && p.has("pad_id")
                ? p.get("pad_id").getAsInt()
                : fallback;
    }

    /** {@code truncation.max_length} of {@code tokenizer.json}, or {@link Integer#MAX_VALUE} if it sets none. */
    static int maxLength(JsonObject root) {
        return root.get("truncation") instanceof JsonObject t && t.has("max_length")
                ? t.get("max_length").getAsInt()
                : Integer.MAX_VALUE;
    }

    /**
     * Reads {@code tokenizer.json}: WordPiece (BERT family) or byte-level BPE (RoBERTa family). Any other model
     * type, and a missing or malformed file, is a {@link ModelLoadException} naming it.
     */
    static TokenEncoder read(Path file) {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing tokenizer " + file, e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read tokenizer " + file, e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelLoadException("malformed tokenizer " + file + ": " + e.getMessage(), e);
        }
        String type = root.get("model") instanceof JsonObject m
                        && m.get("type") != null
                        && !m.get("type").isJsonNull()
                ? m.get("type").getAsString()
                : "none";
        try {
            return switch (type) {
                case "WordPiece" -> new WordPieceEncoder(root, file.toString());
                case "BPE" -> ByteLevelBpeEncoder.create(root, file);
                default -> throw new ModelLoadException(file + ": tokenizer model type " + type + " is not supported"
                        + " (WordPiece, as in BERT, DistilBERT and ELECTRA models, and byte-level BPE, as in RoBERTa"
                        + " models, are)");
            };
        } catch (IllegalStateException | UnsupportedOperationException | ClassCastException | NumberFormatException e) {
            throw new ModelLoadException("malformed tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    /** Token ids with their UTF-16 spans in the original text and their word indexes. */
    final class Encoding {
        int[] ids;
        int[] starts;
        int[] ends;
        int[] words;
        int size;

        Encoding(int capacity) {
            ids = new int[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            words = new int[capacity];
        }

        void add(int id, int start, int end, int word) {
            if (size == ids.length) {
                int n = size * 2;
                ids = Arrays.copyOf(ids, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                words = Arrays.copyOf(words, n);
            }
            ids[size] = id;
            starts[size] = start;
            ends[size] = end;
            words[size] = word;
            size++;
        }
    }
}
