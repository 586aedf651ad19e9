package io.hybridllm.local.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {
    private static WordPieceTokenizer tiny(int maxLength) {
        String json = "{\"truncation\":{\"max_length\":" + maxLength + "},\"model\":{\"type\":\"WordPiece\","
                + "\"vocab\":{\"[UNK]\":0,\"[CLS]\":1,\"[SEP]\":2,\"un\":3,\"##aff\":4,\"##able\":5,\"hello\":6,"
                + "\",\":7}}}";
        return WordPieceTokenizer.read(new StringReader(json));
    }

    @Test
    void basicTokens_lowerCasesStripsAccentsAndSplitsPunctuation() {
        assertThat(WordPieceTokenizer.basicTokens("Héllo, WORLD!  naïve\tcafé"))
                .containsExactly("hello", ",", "world", "!", "naive", "cafe");
    }

    @Test
    void encode_greedyLongestMatchWithContinuations_unknownWordsBecomeUnk() {
        assertThat(tiny(128).encode("Unaffable, hello xyz")).containsExactly(1, 3, 4, 5, 7, 6, 0, 2);
    }

    @Test
    void encode_longInput_isTruncatedButKeepsSep() {
        assertThat(tiny(4).encode("unaffable hello hello")).containsExactly(1, 3, 4, 2);
    }

    @Test
    void encode_withSmallerLimit_keepsThatManyPiecesIncludingClsAndSep() {
        WordPieceTokenizer t = tiny(128);
        assertThat(t.maxTokens()).isEqualTo(128);
        assertThat(t.encode("unaffable hello hello", 5)).containsExactly(1, 3, 4, 5, 2);
        assertThat(t.encode("hello", 5)).containsExactly(1, 6, 2);
    }
}
