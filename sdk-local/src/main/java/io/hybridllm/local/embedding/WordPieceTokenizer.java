package io.hybridllm.local.embedding;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.local.internal.BertChars;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, read from a Hugging Face {@code tokenizer.json}: clean text, split CJK
 * characters, lower-case and strip accents, split on whitespace and punctuation, then greedy longest-match
 * WordPiece with {@code ##} continuations; {@code [CLS] ... [SEP]}, truncated to {@code maxTokens}.
 */
final class WordPieceTokenizer {
    private final Map<String, Integer> vocab;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int maxTokens;

    private WordPieceTokenizer(Map<String, Integer> vocab, int maxTokens) {
        this.vocab = vocab;
        this.unk = id(vocab, "[UNK]");
        this.cls = id(vocab, "[CLS]");
        this.sep = id(vocab, "[SEP]");
        this.maxTokens = maxTokens;
    }

    static WordPieceTokenizer read(Reader tokenizerJson) {
        JsonObject root = JsonParser.parseReader(tokenizerJson).getAsJsonObject();
        JsonObject model = root.getAsJsonObject("model");
        if (!"WordPiece".equals(model.get("type").getAsString())) {
            throw new IllegalArgumentException("not a WordPiece tokenizer: " + model.get("type"));
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : model.getAsJsonObject("vocab").entrySet()) {
            vocab.put(e.getKey(), e.getValue().getAsInt());
        }
        int max = 128;
        if (root.get("truncation") instanceof JsonObject t && t.has("max_length")) {
            max = t.get("max_length").getAsInt();
        }
        return new WordPieceTokenizer(vocab, max);
    }

    private static int id(Map<String, Integer> vocab, String token) {
        Integer i = vocab.get(token);
        if (i == null) {
            throw new IllegalArgumentException("vocabulary has no " + token);
        }
        return i;
    }

    /** The truncation length the tokenizer file declares (128 for all-MiniLM-L6-v2's). */
    int maxTokens() {
        return maxTokens;
    }

    /** Token ids of {@code text} with {@code [CLS]} and {@code [SEP]}, at most {@code maxTokens} long. */
    long[] encode(String text) {
        return encode(text, maxTokens);
    }

    /** Token ids of {@code text} with {@code [CLS]} and {@code [SEP]}, at most {@code limit} long. */
    long[] encode(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be >= 2: " + limit);
        }
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        for (String word : basicTokens(text)) {
            if (ids.size() >= limit - 1) {
                break;
            }
            wordPiece(word, ids);
        }
        while (ids.size() > limit - 1) {
            ids.remove(ids.size() - 1);
        }
        ids.add(sep);
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    private void wordPiece(String word, List<Integer> ids) {
        if (word.length() > 100) {
            ids.add(unk);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String sub = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(sub);
                if (found != null) {
                    break;
                }
                end--;
            }
            if (found == null) {
                ids.add(unk);
                return;
            }
            pieces.add(found);
            start = end;
        }
        ids.addAll(pieces);
    }

    /** BertNormalizer (clean text, CJK spacing, lower case, strip accents) and BertPreTokenizer. */
    static List<String> basicTokens(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == 0xfffd || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                continue;
            }
            if (BertChars.isCjk(c)) {
                clean.append(' ').append(c).append(' ');
            } else {
                clean.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        String lower = clean.toString().toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == ' ') {
                flush(word, out);
            } else if (BertChars.isPunctuation(c)) {
                flush(word, out);
                out.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }
}
