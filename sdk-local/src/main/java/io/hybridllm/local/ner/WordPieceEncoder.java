package io.hybridllm.local.ner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.local.internal.BertChars;
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
final class WordPieceEncoder implements TokenEncoder {
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

    WordPieceEncoder(JsonObject root, String origin) {
        JsonObject model = root.getAsJsonObject("model");
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
        pad = TokenEncoder.padId(root, vocab.getOrDefault("[PAD]", 0));
        truncation = TokenEncoder.maxLength(root);
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

    @Override
    public int cls() {
        return cls;
    }

    @Override
    public int sep() {
        return sep;
    }

    @Override
    public int pad() {
        return pad;
    }

    @Override
    public int truncation() {
        return truncation;
    }

    @Override
    public Encoding encode(String text) {
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
            } else if ((splitCjk && BertChars.isCjk(cp)) || BertChars.isPunctuation(cp)) {
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
}
