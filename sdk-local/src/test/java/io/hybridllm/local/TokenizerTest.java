package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hybridllm.local.internal.HfTokenizer;
import io.hybridllm.local.internal.Utf8StreamDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {
    @TempDir
    Path tmp;

    /**
     * Reference ids from llama2.c's own {@code encode()} (run.c, bos=0, eos=0) on tok512.bin, which adds the dummy
     * space prefix and falls back to byte tokens (id = byte + 3).
     */
    private static final String[][] LLAMA2C_VECTORS = {
        {"The robot", "368,430,429,302,450,437,434"},
        {
            "Echoes of vectors unfold, a gentle hum of precision.",
            "388,355,260,275,429,339,315,374,327,446,262,421,392,275,280,269,440,270,283,448"
        },
        {"Hello world", "429,480,375,438,437,272,284,438,441"},
        {"  two  spaces", "429,429,263,449,437,429,420,435,404"},
        {
            "naïve café ünïcödé 日本",
            "324,435,198,178,339,273,435,443,198,172,429,198,191,433,198,178,440,508,441,198,172,429,233,154,168,233,159,"
                    + "175"
        },
        {"line1\nline2", "330,259,430,469,13,438,259,430,473"},
        {"tabs\tand 123 numbers!?", "263,405,431,12,287,441,429,469,473,482,324,348,450,288,36,66"},
        {"emoji \uD83D\uDE42 ok", "289,447,437,467,432,429,243,162,156,133,271,453"},
        {"a", "262"},
    };

    @Test
    void sentencePieceBpe_fromConvertedLlama2cTokenizer_matchesLlama2cEncode() {
        Path shared = Path.of(System.getProperty("hybridllm.shared.dir", "../../shared"), "models", "aidreams260K");
        assumeTrue(Files.isRegularFile(shared.resolve("tok512.bin")), "shared tok512.bin absent: skipping");
        Llama2cConverter.convert(shared.resolve("aidreams260K.bin"), shared.resolve("tok512.bin"), tmp);
        HfTokenizer tok = HfTokenizer.load(tmp.resolve("tokenizer.json"));
        for (String[] v : LLAMA2C_VECTORS) {
            int[] expected =
                    Arrays.stream(v[1].split(",")).mapToInt(Integer::parseInt).toArray();
            assertThat(tok.encode(v[0])).as(v[0]).containsExactly(expected);
            assertThat(tok.decode(expected)).as("decode " + v[0]).isEqualTo(v[0]);
        }
        // Like Hugging Face's Llama tokenizers, the text after an added token is normalized on its own (so it gets
        // the U+2581 prefix too), and the special token is decoded to nothing.
        int[] hello = tok.encode("Hello world");
        int[] withBos = tok.encode("<s>Hello world");
        assertThat(withBos[0]).isEqualTo(1);
        assertThat(Arrays.copyOfRange(withBos, 1, withBos.length)).containsExactly(hello);
        assertThat(tok.decode(withBos)).isEqualTo("Hello world");
    }

    /** A GPT-2 style byte-level vocabulary: the 256 byte symbols, three merges and one special token. */
    private HfTokenizer byteLevel() throws IOException {
        StringBuilder vocab = new StringBuilder();
        int id = 0;
        for (int b = 0; b < 256; b++) {
            char c = byteChar(b);
            vocab.append(id == 0 ? "" : ",")
                    .append('"')
                    .append(jsonEscape(c))
                    .append("\":")
                    .append(id++);
        }
        vocab.append(",\"\u0120t\":256,\"he\":257,\"\u0120the\":258");
        String json =
                "{\"version\":\"1.0\",\"added_tokens\":[{\"id\":259,\"content\":\"<|im_start|>\",\"special\":true}],"
                        + "\"normalizer\":null,"
                        + "\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"use_regex\":true},"
                        + "\"decoder\":{\"type\":\"ByteLevel\"},"
                        + "\"model\":{\"type\":\"BPE\",\"vocab\":{" + vocab + "},"
                        + "\"merges\":[\"\u0120 t\",[\"h\",\"e\"],\"\u0120t he\"]}}";
        Path file = tmp.resolve("tokenizer.json");
        Files.writeString(file, json);
        return HfTokenizer.load(file);
    }

    /** GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards in byte order. */
    private static char byteChar(int b) {
        if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
            return (char) b;
        }
        int n = 0;
        for (int x = 0; x < b; x++) {
            if (!((x >= '!' && x <= '~') || (x >= 0xA1 && x <= 0xAC) || (x >= 0xAE && x <= 0xFF))) {
                n++;
            }
        }
        return (char) (256 + n);
    }

    private static String jsonEscape(char c) {
        return c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.valueOf(c);
    }

    @Test
    void byteLevelBpe_appliesMergesInRankOrderWithinRegexWords() throws IOException {
        HfTokenizer tok = byteLevel();
        // " the" is one regex word: Ġ t -> Ġt, h e -> he, Ġt he -> Ġthe.
        assertThat(tok.encode(" the")).containsExactly(258);
        // "the" has no leading space: only h e merges.
        assertThat(tok.encode("the")).containsExactly('t', 257);
        // "the the": words "the" and " the".
        assertThat(tok.encode("the the")).containsExactly('t', 257, 258);
        assertThat(tok.decode(new int[] {'t', 257, 258})).isEqualTo("the the");
    }

    @Test
    void byteLevelBpe_matchesAddedSpecialTokensBeforeTheModel() throws IOException {
        HfTokenizer tok = byteLevel();
        assertThat(tok.encode("<|im_start|> the")).containsExactly(259, 258);
        assertThat(tok.decode(new int[] {259, 258})).isEqualTo(" the");
    }

    @Test
    void streamingDecoder_holdsBackAMultiByteCharacterSplitAcrossTokens() throws IOException {
        HfTokenizer tok = byteLevel();
        int[] ids = tok.encode("é"); // two byte tokens: 0xC3 0xA9
        assertThat(ids).hasSize(2);
        Utf8StreamDecoder d = new Utf8StreamDecoder(tok, true);
        assertThat(d.append(ids[0])).isEmpty();
        assertThat(d.append(ids[1])).isEqualTo("é");
        int[] emoji = tok.encode("\uD83D\uDE42"); // four bytes
        assertThat(emoji).hasSize(4);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            seen.append(d.append(emoji[i]));
        }
        assertThat(seen.toString()).isEmpty();
        assertThat(d.append(emoji[3])).isEqualTo("\uD83D\uDE42");
    }
}
