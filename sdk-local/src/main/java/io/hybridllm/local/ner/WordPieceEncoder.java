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
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's WordPiece tokenizer read from a Hugging Face {@code tokenizer.json}, cased or uncased as its
 * {@code BertNormalizer} says, that keeps for every token the UTF-16 span of the original text it came from and the
 * index of the word (pre-tokenizer piece) it belongs to. Immutable and thread-safe.
 */
final class WordPieceEncoder {
    private final Map<String, Integer> vocab;
    private final String prefix;
    private final int maxCharsPerWord;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int pad;
    private final boolean lowercase;
    private final boolean stripAccents;
    private final boolean cleanText;
    private final boolean splitCjk;
    private final int truncation;

    private WordPieceEncoder(JsonObject root, String origin) {
        JsonObject model = root.get("model") instanceof JsonObject m ? m : null;
        String type = model == null ? "none" : stringOr(model, "type", "none");
        if (!"WordPiece".equals(type)) {
            throw new ModelLoadException(origin + ": tokenizer model type " + type + " is not supported (only"
                    + " WordPiece, as used by BERT, DistilBERT and ELECTRA token-classification models)");
        }
        if (!(model.get("vocab") instanceof JsonObject v)) {
            throw new ModelLoadException(origin + ": WordPiece model has no vocab");
        }
        vocab = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : v.entrySet()) {
            vocab.put(e.getKey(), e.getValue().getAsInt());
        }
        prefix = stringOr(model, "continuing_subword_prefix", "##");
        maxCharsPerWord = model.has("max_input_chars_per_word")
                ? model.get("max_input_chars_per_word").getAsInt()
                : 100;
        unk = id(stringOr(model, "unk_token", "[UNK]"), origin);
        cls = id("[CLS]", origin);
        sep = id("[SEP]", origin);
        pad = root.get("padding") instanceof JsonObject p && p.has("pad_id")
                ? p.get("pad_id").getAsInt()
                : vocab.getOrDefault("[PAD]", 0);
        truncation = root.get("truncation") instanceof JsonObject t && t.has("max_length")
                ? t.get("max_length").getAsInt()
                : Integer.MAX_VALUE;
        JsonElement n = root.get("normalizer");
        if (n == null || n.isJsonNull()) {
            lowercase = false;
            stripAccents = false;
            cleanText = false;
            splitCjk = false;
        } else {
            JsonObject norm = n.getAsJsonObject();
            String normType = stringOr(norm, "type", "none");
            if (!"BertNormalizer".equals(normType)) {
                throw new ModelLoadException(origin + ": normalizer " + normType + " is not supported with"
                        + " WordPiece (only BertNormalizer or none)");
            }
            lowercase = boolOr(norm, "lowercase", true);
            stripAccents = boolOr(norm, "strip_accents", lowercase);
            cleanText = boolOr(norm, "clean_text", true);
            splitCjk = boolOr(norm, "handle_chinese_chars", true);
        }
        JsonElement pre = root.get("pre_tokenizer");
        if (pre != null && !pre.isJsonNull()) {
            String preType = stringOr(pre.getAsJsonObject(), "type", "none");
            if (!"BertPreTokenizer".equals(preType)) {
                throw new ModelLoadException(origin + ": pre-tokenizer " + preType + " is not supported with"
                        + " WordPiece (only BertPreTokenizer)");
            }
        }
    }

    /** Reads {@code tokenizer.json}; a missing, malformed or unsupported file is a {@link ModelLoadException}. */
    static WordPieceEncoder read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new WordPieceEncoder(JsonParser.parseReader(r).getAsJsonObject(), file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing tokenizer " + file, e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read tokenizer " + file, e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new ModelLoadException("malformed tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    private int id(String token, String origin) {
        Integer i = vocab.get(token);
        if (i == null) {
            throw new ModelLoadException(origin + ": vocabulary has no " + token);
        }
        return i;
    }

    private static String stringOr(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    private static boolean boolOr(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }

    int cls() {
        return cls;
    }

    int sep() {
        return sep;
    }

    int pad() {
        return pad;
    }

    /** The tokenizer's own {@code truncation.max_length}, or {@link Integer#MAX_VALUE} if it sets none. */
    int truncation() {
        return truncation;
    }

    /** The tokens of {@code text}, without special tokens. */
    Encoding encode(String text) {
        Encoding out = new Encoding(Math.max(8, text.length() / 3));
        StringBuilder word = new StringBuilder();
        int[] wordStarts = new int[16];
        int[] wordEnds = new int[16];
        int words = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWhitespace(cp)) {
                words = flush(word, wordStarts, wordEnds, words, out);
            } else if (cleanText && (cp == 0 || cp == 0xfffd || isControl(cp))) {
                // removed, as BertNormalizer(clean_text) does
            } else if ((splitCjk && isCjk(cp)) || isPunctuation(cp)) {
                words = flush(word, wordStarts, wordEnds, words, out);
                wordStarts = ensure(wordStarts, word.length() + 2);
                wordEnds = ensure(wordEnds, word.length() + 2);
                appendNormalized(cp, i, next, word, wordStarts, wordEnds);
                words = flush(word, wordStarts, wordEnds, words, out);
            } else {
                wordStarts = ensure(wordStarts, word.length() + 8);
                wordEnds = ensure(wordEnds, word.length() + 8);
                appendNormalized(cp, i, next, word, wordStarts, wordEnds);
            }
            i = next;
        }
        flush(word, wordStarts, wordEnds, words, out);
        return out;
    }

    private static int[] ensure(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    /** Appends the normalized form of one code point, each char mapped back to {@code [start, end)}. */
    private void appendNormalized(int cp, int start, int end, StringBuilder word, int[] starts, int[] ends) {
        if (cp < 128) {
            char c = (char) cp;
            if (lowercase && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            starts[word.length()] = start;
            ends[word.length()] = end;
            word.append(c);
            return;
        }
        String s = new String(Character.toChars(cp));
        if (lowercase) {
            s = s.toLowerCase(Locale.ROOT);
        }
        if (stripAccents) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (stripAccents && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (word.length() >= starts.length) {
                return; // cannot happen for the expansions Java's case mapping and NFD produce (at most 4 chars)
            }
            starts[word.length()] = start;
            ends[word.length()] = end;
            word.append(c);
        }
    }

    private int flush(StringBuilder word, int[] starts, int[] ends, int words, Encoding out) {
        if (word.length() == 0) {
            return words;
        }
        wordPiece(word.toString(), starts, ends, words, out);
        word.setLength(0);
        return words + 1;
    }

    private void wordPiece(String word, int[] starts, int[] ends, int wordIndex, Encoding out) {
        if (word.codePointCount(0, word.length()) > maxCharsPerWord) {
            out.add(unk, starts[0], ends[word.length() - 1], wordIndex);
            return;
        }
        int mark = out.size;
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String sub = word.substring(start, end);
                found = vocab.get(start > 0 ? prefix + sub : sub);
                if (found != null) {
                    break;
                }
                end--;
            }
            if (found == null) {
                out.size = mark; // the whole word becomes [UNK], as in HF WordPiece
                out.add(unk, starts[0], ends[word.length() - 1], wordIndex);
                return;
            }
            out.add(found, starts[start], ends[end - 1], wordIndex);
            start = end;
        }
    }

    private static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isControl(int cp) {
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION
                || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /** Token ids with their UTF-16 spans in the original text and their word indexes. */
    static final class Encoding {
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
