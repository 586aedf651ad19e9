package io.hybridllm.local.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PrivacyItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A RoBERTa-style model: byte-level BPE tokens aligned back onto the text. */
class ByteLevelBpeTaggerTest {
    private static final String MOZART = "My name is Wolfgang Amadeus Mozart and I live in New York.";

    @TempDir
    Path tmp;

    private static TinyNerModel roberta() {
        return TinyNerModel.byteLevel(TinyNerModel.CONLL)
                .piece(" My", "O")
                .piece(" name", "O")
                .piece(" is", "O")
                .piece(" Wolf", "B-PER")
                .piece("gang", "I-PER")
                .piece(" Amadeus", "I-PER")
                .piece(" Moz", "I-PER")
                .piece("art", "I-PER")
                .piece(" New", "B-LOC")
                .piece(" York", "I-LOC")
                .piece(" Zo", "B-PER")
                .piece("ë", "I-PER")
                .piece(" München", "B-LOC");
    }

    private static List<String> spans(String text, List<PrivacyItem> items) {
        List<String> out = new ArrayList<>();
        for (PrivacyItem i : items) {
            out.add(text.substring(i.start(), i.end()) + "/" + i.piiClass());
        }
        return out;
    }

    @Test
    void encode_alignsEachTokenWithTheTextItCameFrom_withoutItsLeadingSpace() {
        Path dir = roberta().writeTo(tmp.resolve("roberta"));
        TokenEncoder enc = TokenEncoder.read(dir.resolve("tokenizer.json"));
        String text = "My Wolfgang, 5x";
        TokenEncoder.Encoding e = enc.encode(text);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < e.size; i++) {
            pieces.add(text.substring(e.starts[i], e.ends[i]) + "@" + e.words[i]);
        }
        // "My" gets the tokenizer's prefix space. The vocabulary has no " 5": a lone space token (an empty span)
        // and "5"; digits and letters are separate words, as in GPT-2's pre-tokenizer.
        assertThat(pieces).containsExactly("My@0", "Wolf@1", "gang@1", ",@2", "@3", "5@4", "x@5");
    }

    @Test
    void tag_findsEntitiesWithSpansInTheOriginalText() {
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(roberta().writeTo(tmp.resolve("roberta")))) {
            assertThat(tagger.windowTokens()).isEqualTo(512);
            List<PrivacyItem> items = tagger.tag(MOZART);
            assertThat(spans(MOZART, items)).containsExactly("Wolfgang Amadeus Mozart/PERSON", "New York/LOCATION");
            assertThat(items.get(0).start()).isEqualTo(MOZART.indexOf("Wolfgang"));
        }
    }

    @Test
    void multiByteCharacters_andTokensInsideOneCharacter_keepUtf16Offsets() {
        String text = "😀 Zoë lives in München 😀";
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(roberta().writeTo(tmp.resolve("roberta")))) {
            List<PrivacyItem> items = tagger.tag(text);
            assertThat(spans(text, items)).containsExactly("Zoë/PERSON", "München/LOCATION");
            assertThat(items.get(0).start()).isEqualTo(text.indexOf("Zoë"));
        }
    }

    @Test
    void specialTokensWrittenInTheText_areSkipped() {
        String text = "<s> New York </s><mask>";
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(roberta().writeTo(tmp.resolve("roberta")))) {
            assertThat(spans(text, tagger.tag(text))).containsExactly("New York/LOCATION");
        }
    }

    @Test
    void longText_inSmallWindows_givesTheSameItemsAsOneWindow() {
        String text = (MOZART + " ").repeat(6);
        TinyNerModel small = roberta();
        small.maxPositions = 8;
        try (OnnxEntityTagger windowed = OnnxEntityTagger.builder(small.writeTo(tmp.resolve("small")))
                        .detector("ner")
                        .build();
                OnnxEntityTagger whole = OnnxEntityTagger.builder(roberta().writeTo(tmp.resolve("whole")))
                        .detector("ner")
                        .build()) {
            assertThat(windowed.windowTokens()).isEqualTo(8);
            assertThat(windowed.tag(text)).hasSize(12).isEqualTo(whole.tag(text));
        }
    }
}
