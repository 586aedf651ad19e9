package io.hybridllm.local.ner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.local.internal.HfTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE (RoBERTa, and GPT-2-style vocabularies) with character offsets. The ids come from the SDK's
 * {@link HfTokenizer}; as byte-level BPE is lossless, each token's bytes are then aligned with the UTF-8 bytes of
 * the text to find its span. As with Hugging Face's {@code trim_offsets}, a token's span leaves out its leading
 * space. A word is a pre-tokenizer piece: a new one starts at a space or where letters, digits and other
 * characters meet. Special tokens written in the text ({@code <s>}, {@code <mask>}) are skipped, not tagged.
 */
final class ByteLevelBpeEncoder implements TokenEncoder {
    private final HfTokenizer bpe;
    private final Pattern specials;
    private final boolean prefixSpace;
    private final int cls;
    private final int sep;
    private final int pad;
    private final int truncation;

    private ByteLevelBpeEncoder(
            HfTokenizer bpe, Pattern specials, boolean prefixSpace, int cls, int sep, int pad, int truncation) {
        this.bpe = bpe;
        this.specials = specials;
        this.prefixSpace = prefixSpace;
        this.cls = cls;
        this.sep = sep;
        this.pad = pad;
        this.truncation = truncation;
    }

    static ByteLevelBpeEncoder create(JsonObject root, Path file) {
        JsonElement pre = root.get("pre_tokenizer");
        if (!(pre instanceof JsonObject p) || !"ByteLevel".equals(string(p, "type"))) {
            throw new ModelLoadException(file + ": BPE tokenizers are supported only with a ByteLevel pre-tokenizer"
                    + " (RoBERTa style), not " + (pre == null || pre.isJsonNull() ? "none" : string(pre, "type")));
        }
        JsonElement normalizer = root.get("normalizer");
        if (normalizer != null && !normalizer.isJsonNull()) {
            throw new ModelLoadException(
                    file + ": normalizer " + string(normalizer, "type") + " is not supported" + " with byte-level BPE");
        }
        boolean prefixSpace =
                p.has("add_prefix_space") && p.get("add_prefix_space").getAsBoolean();
        HfTokenizer bpe = HfTokenizer.load(file);
        String clsToken = "<s>";
        String sepToken = "</s>";
        if (root.get("post_processor") instanceof JsonObject post && post.has("cls") && post.has("sep")) {
            clsToken = post.getAsJsonArray("cls").get(0).getAsString();
            sepToken = post.getAsJsonArray("sep").get(0).getAsString();
        }
        int cls = required(bpe, clsToken, file);
        int sep = required(bpe, sepToken, file);
        int pad = TokenEncoder.padId(root, Math.max(0, bpe.tokenId("<pad>")));
        int truncation = TokenEncoder.maxLength(root);
        List<String> added = new ArrayList<>();
        if (root.get("added_tokens") instanceof JsonArray a) {
            for (JsonElement e : a) {
                added.add(e.getAsJsonObject().get("content").getAsString());
            }
        }
        added.sort((x, y) -> y.length() - x.length());
        StringBuilder alt = new StringBuilder();
        for (String s : added) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(s));
        }
        Pattern specials = alt.length() == 0 ? null : Pattern.compile(alt.toString());
        return new ByteLevelBpeEncoder(bpe, specials, prefixSpace, cls, sep, pad, truncation);
    }

    private static int required(HfTokenizer bpe, String token, Path file) {
        int id = bpe.tokenId(token);
        if (id < 0) {
            throw new ModelLoadException(file + ": vocabulary has no " + token);
        }
        return id;
    }

    private static String string(JsonElement o, String key) {
        JsonElement e = o.isJsonObject() ? o.getAsJsonObject().get(key) : null;
        return e == null || e.isJsonNull() ? "none" : e.getAsString();
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
        int[] word = {-1};
        int last = 0;
        if (specials != null) {
            Matcher m = specials.matcher(text);
            while (m.find()) {
                segment(text, last, m.start(), out, word);
                last = m.end();
            }
        }
        segment(text, last, text.length(), out, word);
        return out;
    }

    /** Tokenizes {@code text[from, to)} and aligns its tokens with the text. */
    private void segment(String text, int from, int to, Encoding out, int[] word) {
        if (from >= to) {
            return;
        }
        String seg = text.substring(from, to);
        byte[] bytes = seg.getBytes(StandardCharsets.UTF_8);
        int[] charOf = new int[bytes.length + 1]; // UTF-16 index (in text) of the code point holding each byte
        int b = 0;
        for (int i = 0; i < seg.length(); ) {
            int cp = seg.codePointAt(i);
            int n = utf8Length(cp);
            for (int k = 0; k < n; k++) {
                charOf[b + k] = from + i;
            }
            b += n;
            i += Character.charCount(cp);
        }
        charOf[bytes.length] = to;
        // The tokenizer may add one space before the segment that is not in the text: position -1.
        int pos = prefixSpace && !seg.startsWith(" ") ? -1 : 0;
        int prevClass = 0;
        for (int id : bpe.encode(seg)) {
            byte[] tb = bpe.tokenBytes(id);
            if (tb.length == 0) {
                continue;
            }
            int start = pos;
            for (byte x : tb) {
                boolean ok = pos == -1 ? x == ' ' : pos < bytes.length && bytes[pos] == x;
                if (!ok) {
                    throw new LocalInferenceException("byte-level BPE tokens do not line up with the text");
                }
                pos++;
            }
            boolean leadingSpace = start == -1 || isSpaceByte(bytes[start]);
            int s = Math.max(0, start);
            while (s < pos && isSpaceByte(bytes[s])) {
                s++;
            }
            int firstClass = s < pos ? charClass(text.codePointAt(charOf[s])) : 0;
            if (word[0] < 0 || leadingSpace || firstClass != prevClass) {
                word[0]++;
            }
            int end;
            if (pos <= 0) {
                end = from; // only the added space
            } else if (pos >= bytes.length) {
                end = to;
            } else if (charOf[pos] != charOf[pos - 1]) {
                end = charOf[pos];
            } else {
                end = endOf(text, charOf, pos); // the token ends inside a code point
            }
            int startChar = s < pos ? charOf[s] : end;
            out.add(id, startChar, end, word[0]);
            prevClass = pos <= 0 || isSpaceByte(bytes[pos - 1]) ? 0 : charClass(text.codePointAt(charOf[pos - 1]));
        }
        if (pos != bytes.length) {
            throw new LocalInferenceException("byte-level BPE tokens do not cover the text");
        }
    }

    /** The UTF-16 end of the code point holding byte {@code pos - 1} (a token may end inside a code point). */
    private static int endOf(String text, int[] charOf, int pos) {
        int c = charOf[pos - 1];
        return c + Character.charCount(text.codePointAt(c));
    }

    private static boolean isSpaceByte(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    /** 0 whitespace, 1 letter, 2 digit, 3 other: a change starts a new pre-tokenizer piece. */
    private static int charClass(int cp) {
        if (Character.isWhitespace(cp)) {
            return 0;
        }
        if (Character.isLetter(cp)) {
            return 1;
        }
        return Character.isDigit(cp) ? 2 : 3;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
