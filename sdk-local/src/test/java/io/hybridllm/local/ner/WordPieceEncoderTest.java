package io.hybridllm.local.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceEncoderTest {
    @TempDir
    Path tmp;

    private WordPieceEncoder encoder(boolean lowercase, String extra) throws IOException {
        String json = "{\"normalizer\":{\"type\":\"BertNormalizer\",\"lowercase\":" + lowercase + "},"
                + "\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},\"truncation\":{\"max_length\":64},"
                + "\"model\":{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"max_input_chars_per_word\":10,"
                + "\"vocab\":{\"[PAD]\":0,\"[UNK]\":1,\"[CLS]\":2,\"[SEP]\":3,\"un\":4,\"##aff\":5,\"##able\":6,"
                + "\"'\":7,\"s\":8,\"cafe\":9,\"中\":10" + extra + "}}}";
        Path f = tmp.resolve("tokenizer.json");
        Files.writeString(f, json);
        return (WordPieceEncoder) TokenEncoder.read(f);
    }

    private static List<String> pieces(String text, TokenEncoder.Encoding e) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < e.size; i++) {
            out.add(e.ids[i] + ":" + text.substring(e.starts[i], e.ends[i]) + "@" + e.words[i]);
        }
        return out;
    }

    @Test
    void encode_keepsEachPiecesSpanInTheOriginalText_andItsWord() throws IOException {
        String text = "  Unaffable's\tCAFÉ中x";
        TokenEncoder.Encoding e = encoder(true, "").encode(text);
        assertThat(pieces(text, e))
                .containsExactly("4:Un@0", "5:aff@0", "6:able@0", "7:'@1", "8:s@2", "9:CAFÉ@3", "10:中@4", "1:x@5");
    }

    @Test
    void encode_aWordWithAnUnknownPieceOrTooLong_isOneUnknownToken() throws IOException {
        String text = "unaffz unaffableunaffable";
        TokenEncoder.Encoding e = encoder(true, "").encode(text);
        assertThat(pieces(text, e)).containsExactly("1:unaffz@0", "1:unaffableunaffable@1");
    }

    @Test
    void encode_casedTokenizer_keepsCase_andRemovesControlCharacters() throws IOException {
        String text = "Un\u0000aff un";
        TokenEncoder.Encoding e = encoder(false, ",\"Un\":11").encode(text);
        assertThat(pieces(text, e)).containsExactly("11:Un@0", "5:aff@0", "4:un@1");
        assertThat(encoder(false, "").truncation()).isEqualTo(64);
    }
}
