package io.hybridllm.local.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hybridllm.core.errors.ModelLoadException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BPE tokenizer read from a Hugging Face {@code tokenizer.json}, in its two common flavours:
 *
 * <ul>
 *   <li>byte-level BPE (GPT-2, Qwen, Llama-3, SmolLM): regex pre-tokenization, bytes mapped to printable characters;
 *   <li>SentencePiece-style BPE (Llama-2, TinyLlama, llama2.c): spaces as {@code U+2581}, byte fallback to
 *       {@code <0xXX>} tokens.
 * </ul>
 *
 * Added tokens (e.g. {@code <|im_start|>}) are matched in the text before the model runs. Immutable and thread-safe.
 */
public final class HfTokenizer {
    private static final String SPACE = "\u2581";
    private static final String GPT2_PATTERN =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    private final Map<String, Integer> vocab;
    private final String[] pieces;
    private final Map<String, Integer> mergeRanks;
    private final boolean byteLevel;
    private final boolean byteFallback;
    private final int unkId;
    private final List<Pattern> splitPatterns;
    private final boolean prependSpace;
    private final boolean prependEverySegment;
    private final boolean byteLevelPrefixSpace;
    private final boolean stripLeadingSpace;
    private final Map<String, Integer> addedTokens;
    private final Set<Integer> specialIds;
    private final Pattern addedPattern;
    private final char[] byteToChar = new char[256];
    private final Map<Character, Integer> charToByte = new HashMap<>();

    private HfTokenizer(JsonObject root, Path file) {
        JsonObject model = root.getAsJsonObject("model");
        if (model == null || !"BPE".equals(str(model, "type", "BPE"))) {
            throw new ModelLoadException("unsupported tokenizer model in " + file + " (only BPE is supported)");
        }
        vocab = new HashMap<>();
        int max = 0;
        for (Map.Entry<String, JsonElement> e : model.getAsJsonObject("vocab").entrySet()) {
            vocab.put(e.getKey(), e.getValue().getAsInt());
            max = Math.max(max, e.getValue().getAsInt());
        }
        addedTokens = new HashMap<>();
        specialIds = new HashSet<>();
        JsonArray added = root.has("added_tokens") ? root.getAsJsonArray("added_tokens") : new JsonArray();
        for (JsonElement e : added) {
            JsonObject a = e.getAsJsonObject();
            int id = a.get("id").getAsInt();
            addedTokens.put(a.get("content").getAsString(), id);
            max = Math.max(max, id);
            if (a.has("special") && a.get("special").getAsBoolean()) {
                specialIds.add(id);
            }
        }
        pieces = new String[max + 1];
        vocab.forEach((k, v) -> pieces[v] = k);
        addedTokens.forEach((k, v) -> pieces[v] = k);
        mergeRanks = new HashMap<>();
        JsonArray merges = model.has("merges") ? model.getAsJsonArray("merges") : new JsonArray();
        for (int i = 0; i < merges.size(); i++) {
            JsonElement m = merges.get(i);
            String key;
            if (m.isJsonArray()) {
                key = m.getAsJsonArray().get(0).getAsString() + " "
                        + m.getAsJsonArray().get(1).getAsString();
            } else {
                key = m.getAsString();
            }
            mergeRanks.putIfAbsent(key, i);
        }
        byteFallback = model.has("byte_fallback") && model.get("byte_fallback").getAsBoolean();
        String unk = model.has("unk_token") && !model.get("unk_token").isJsonNull()
                ? model.get("unk_token").getAsString()
                : null;
        unkId = unk == null ? -1 : vocab.getOrDefault(unk, addedTokens.getOrDefault(unk, -1));

        String json = root.toString();
        byteLevel = json.contains("\"ByteLevel\"");
        splitPatterns = new ArrayList<>();
        boolean prepend = false;
        boolean strip = false;
        collectPreTokenizer(root.get("pre_tokenizer"));
        if (byteLevel && splitPatterns.isEmpty()) {
            splitPatterns.add(Pattern.compile(GPT2_PATTERN));
        }
        JsonElement normalizer = root.get("normalizer");
        if (normalizer != null && normalizer.toString().contains("\"Prepend\"")) {
            prepend = true;
        }
        JsonElement pre = root.get("pre_tokenizer");
        boolean everySegment = prepend; // the Prepend normalizer runs on every text between added tokens
        if (pre != null
                && pre.toString().contains("\"Metaspace\"")
                && !pre.toString().contains("\"never\"")) {
            prepend = true;
            everySegment = !pre.toString().contains("\"first\"");
        }
        prependEverySegment = everySegment;
        byteLevelPrefixSpace = pre != null
                && pre.toString().contains("\"ByteLevel\"")
                && pre.toString().contains("\"add_prefix_space\":true");
        JsonElement decoder = root.get("decoder");
        if (decoder != null
                && (decoder.toString().contains("\"Strip\"")
                        || decoder.toString().contains("\"Metaspace\""))) {
            strip = true;
        }
        prependSpace = !byteLevel && prepend;
        stripLeadingSpace = !byteLevel && strip;
        List<String> addedSorted = new ArrayList<>(addedTokens.keySet());
        addedSorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String a : addedSorted) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(Pattern.quote(a));
        }
        addedPattern = alt.length() == 0 ? null : Pattern.compile(alt.toString());
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
                byteToChar[b] = (char) b;
            } else {
                byteToChar[b] = (char) (256 + n++);
            }
            charToByte.put(byteToChar[b], b);
        }
    }

    private void collectPreTokenizer(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            return;
        }
        JsonObject o = e.getAsJsonObject();
        String type = str(o, "type", "");
        if ("Sequence".equals(type)) {
            for (JsonElement p : o.getAsJsonArray("pretokenizers")) {
                collectPreTokenizer(p);
            }
        } else if ("Split".equals(type) && o.has("pattern")) {
            JsonObject pattern = o.getAsJsonObject("pattern");
            if (pattern.has("Regex")) {
                splitPatterns.add(Pattern.compile(pattern.get("Regex").getAsString()));
            } else if (pattern.has("String")) {
                splitPatterns.add(
                        Pattern.compile(Pattern.quote(pattern.get("String").getAsString())));
            }
        } else if ("ByteLevel".equals(type)
                && (!o.has("use_regex") || o.get("use_regex").getAsBoolean())) {
            splitPatterns.add(Pattern.compile(GPT2_PATTERN));
        } else if ("Digits".equals(type)) {
            splitPatterns.add(Pattern.compile(
                    o.has("individual_digits") && o.get("individual_digits").getAsBoolean()
                            ? "\\p{N}|[^\\p{N}]+"
                            : "\\p{N}+|[^\\p{N}]+"));
        }
    }

    /** Reads {@code tokenizer.json}. */
    public static HfTokenizer load(Path file) {
        return new HfTokenizer(ModelConfig.readJson(file, true), file);
    }

    /** Token ids for {@code text}; added/special tokens written in the text become their ids. No BOS is added. */
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        int last = 0;
        boolean first = true;
        if (addedPattern != null) {
            Matcher m = addedPattern.matcher(text);
            while (m.find()) {
                if (m.start() > last) {
                    encodeSegment(text.substring(last, m.start()), first, out);
                }
                out.add(addedTokens.get(m.group()));
                last = m.end();
                first = false;
            }
        }
        if (last < text.length()) {
            encodeSegment(text.substring(last), first, out);
        }
        int[] ids = new int[out.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = out.get(i);
        }
        return ids;
    }

    private void encodeSegment(String text, boolean first, List<Integer> out) {
        if (byteLevel) {
            if (byteLevelPrefixSpace && !text.startsWith(" ")) {
                text = " " + text;
            }
            for (String word : split(text)) {
                StringBuilder mapped = new StringBuilder();
                for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                    mapped.append(byteToChar[b & 0xff]);
                }
                bpe(mapped.toString(), out);
            }
        } else {
            String normalized = text.replace(" ", SPACE);
            if (prependSpace && (first || prependEverySegment)) {
                normalized = SPACE + normalized;
            }
            bpe(normalized, out);
        }
    }

    private List<String> split(String text) {
        List<String> parts = List.of(text);
        for (Pattern p : splitPatterns) {
            List<String> next = new ArrayList<>();
            for (String part : parts) {
                Matcher m = p.matcher(part);
                int last = 0;
                while (m.find()) {
                    if (m.start() > last) {
                        next.add(part.substring(last, m.start()));
                    }
                    if (m.end() > m.start()) {
                        next.add(m.group());
                    }
                    last = m.end();
                }
                if (last < part.length()) {
                    next.add(part.substring(last));
                }
            }
            parts = next;
        }
        return parts;
    }

    private void bpe(String word, List<Integer> out) {
        if (word.isEmpty()) {
            return;
        }
        Integer whole = vocab.get(word);
        if (whole != null && byteLevel) {
            out.add(whole);
            return;
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
            symbols.add(word.substring(i, word.offsetByCodePoints(i, 1)));
        }
        while (symbols.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            int bestAt = -1;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = mergeRanks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    bestAt = i;
                }
            }
            if (bestAt < 0) {
                break;
            }
            symbols.set(bestAt, symbols.get(bestAt) + symbols.get(bestAt + 1));
            symbols.remove(bestAt + 1);
        }
        for (String s : symbols) {
            Integer id = vocab.get(s);
            if (id != null) {
                out.add(id);
            } else if (byteFallback) {
                for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                    Integer bid = vocab.get(String.format(java.util.Locale.ROOT, "<0x%02X>", b & 0xff));
                    out.add(bid != null ? bid : unkId);
                }
            } else if (unkId >= 0) {
                out.add(unkId);
            }
        }
    }

    /** The raw bytes a token stands for; empty for special tokens. */
    public byte[] tokenBytes(int id) {
        if (id < 0 || id >= pieces.length || pieces[id] == null || specialIds.contains(id)) {
            return new byte[0];
        }
        String p = pieces[id];
        if (addedTokens.containsKey(p) && !vocab.containsKey(p)) {
            return p.getBytes(StandardCharsets.UTF_8);
        }
        if (byteLevel) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < p.length(); i++) {
                Integer v = charToByte.get(p.charAt(i));
                if (v != null) {
                    b.write(v);
                } else {
                    byte[] raw = String.valueOf(p.charAt(i)).getBytes(StandardCharsets.UTF_8);
                    b.write(raw, 0, raw.length);
                }
            }
            return b.toByteArray();
        }
        if (p.length() == 6 && p.startsWith("<0x") && p.endsWith(">")) {
            return new byte[] {(byte) Integer.parseInt(p.substring(3, 5), 16)};
        }
        return p.replace(SPACE, " ").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the decoder drops one leading space at the start of a text (SentencePiece-style). */
    public boolean stripsLeadingSpace() {
        return stripLeadingSpace;
    }

    /** Decodes ids to text, skipping special tokens. */
    public String decode(int[] ids) {
        Utf8StreamDecoder d = new Utf8StreamDecoder(this, true);
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            sb.append(d.append(id));
        }
        sb.append(d.flush());
        return sb.toString();
    }

    public int vocabSize() {
        return pieces.length;
    }

    /** The id of an added or vocabulary token, or -1. */
    public int tokenId(String token) {
        Integer id = addedTokens.get(token);
        if (id == null) {
            id = vocab.get(token);
        }
        return id == null ? -1 : id;
    }

    private static String str(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }
}
