package io.hybridllm.local.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEntityTaggerTest {
    private static final String MOZART = "My name is Wolfgang Amadeus Mozart and I live in New York.";

    @TempDir
    Path tmp;

    /** A cased CoNLL-style model that knows a few names, places and an organisation. */
    static TinyNerModel conll() {
        return new TinyNerModel(TinyNerModel.CONLL)
                .plain("My", "name", "is", "and", "I", "live", "in", "at", "work", "with", ".", ",", "'", "s")
                .token("Wolf", "B-PER")
                .token("##gang", "I-PER")
                .token("Amadeus", "I-PER")
                .token("Mo", "I-PER")
                .token("##zart", "I-PER")
                .token("New", "B-LOC")
                .token("York", "I-LOC")
                .token("Paris", "B-LOC")
                .token("Berlin", "B-LOC")
                .token("Acme", "B-ORG")
                .token("Jo", "B-PER")
                .token("##hn", Map.of("O", 2.0f)) // a weaker O than the B-PER of "Jo"
                // "Kate": a weak O on the first piece, a strong B-PER on the second
                .token("Ka", Map.of("O", 1.2f, "B-PER", 1.0f))
                .token("##te", "B-PER");
    }

    private static String span(String text, PrivacyItem item) {
        return text.substring(item.start(), item.end());
    }

    private static List<String> spans(String text, List<PrivacyItem> items) {
        List<String> out = new ArrayList<>();
        for (PrivacyItem i : items) {
            out.add(span(text, i) + "/" + i.type() + "/" + i.piiClass());
        }
        return out;
    }

    @Test
    void tag_groupsSubwordsAndBioContinuations_intoSpansOfTheOriginalText() {
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(conll().writeTo(tmp.resolve("bert-ner")))) {
            List<PrivacyItem> items = tagger.tag(MOZART);

            assertThat(spans(MOZART, items))
                    .containsExactly("Wolfgang Amadeus Mozart/PERSON/PERSON", "New York/LOCATION/LOCATION");
            PrivacyItem person = items.get(0);
            assertThat(person.start()).isEqualTo(MOZART.indexOf("Wolfgang"));
            assertThat(person.end()).isEqualTo(MOZART.indexOf(" and"));
            assertThat(person.detector()).isEqualTo("ner:bert-ner");
            // every piece put weight 4 on its label among 8: softmax = e^4 / (e^4 + 7)
            double expected = Math.exp(4) / (Math.exp(4) + 7);
            assertThat(person.confidence()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void tag_aBeginLabelStartsANewEntity_andOrganisationsAreDroppedByDefault() {
        String text = "I work at Acme with Paris Berlin";
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(conll().writeTo(tmp.resolve("m")))) {
            assertThat(spans(text, tagger.tag(text)))
                    .containsExactly("Paris/LOCATION/LOCATION", "Berlin/LOCATION/LOCATION");
        }
    }

    @Test
    void labelMapping_canReportOrganisations() {
        String text = "I work at Acme";
        NerLabelMapping withOrg = NerLabelMapping.defaults().toBuilder()
                .map("ORG", PiiClass.OTHER, "ORGANIZATION")
                .build();
        try (OnnxEntityTagger tagger = OnnxEntityTagger.builder(conll().writeTo(tmp.resolve("m")))
                .labelMapping(withOrg)
                .build()) {
            assertThat(spans(text, tagger.tag(text))).containsExactly("Acme/ORGANIZATION/OTHER");
        }
    }

    @Test
    void aggregation_firstUsesTheFirstPiece_simpleKeepsPiecesApart_averageWeighsAllPieces() {
        String text = "John and Kate";
        Path dir = conll().writeTo(tmp.resolve("m"));
        try (OnnxEntityTagger first = OnnxEntityTagger.load(dir);
                OnnxEntityTagger simple = OnnxEntityTagger.builder(dir)
                        .aggregation(Aggregation.SIMPLE)
                        .build();
                OnnxEntityTagger average = OnnxEntityTagger.builder(dir)
                        .aggregation(Aggregation.AVERAGE)
                        .minScore(0)
                        .build();
                OnnxEntityTagger max = OnnxEntityTagger.builder(dir)
                        .aggregation(Aggregation.MAX)
                        .build()) {
            // FIRST: "John" takes "Jo"'s B-PER; "Kate" takes "Ka"'s weak O
            assertThat(spans(text, first.tag(text))).containsExactly("John/PERSON/PERSON");
            // SIMPLE: "Jo" alone is a person, "##hn" is O; "##te" is a person on its own
            assertThat(spans(text, simple.tag(text))).containsExactly("Jo/PERSON/PERSON", "te/PERSON/PERSON");
            // AVERAGE: "Kate" averages to B-PER; MAX: "##te" is the most confident piece
            assertThat(spans(text, average.tag(text))).containsExactly("John/PERSON/PERSON", "Kate/PERSON/PERSON");
            assertThat(spans(text, max.tag(text))).containsExactly("John/PERSON/PERSON", "Kate/PERSON/PERSON");
            PrivacyItem kate = average.tag(text).get(1);
            double o = Math.exp(1.2) / (Math.exp(1.2) + Math.exp(1.0) + 6);
            double per = Math.exp(1.0) / (Math.exp(1.2) + Math.exp(1.0) + 6);
            double strong = Math.exp(4) / (Math.exp(4) + 7);
            assertThat(o).isGreaterThan(per);
            assertThat(kate.confidence()).isCloseTo((per + strong) / 2, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void minScore_dropsEntitiesBelowIt() {
        String text = "John and Kate";
        Path dir = conll().writeTo(tmp.resolve("m"));
        try (OnnxEntityTagger all = OnnxEntityTagger.builder(dir)
                        .aggregation(Aggregation.AVERAGE)
                        .minScore(0)
                        .build();
                OnnxEntityTagger strict = OnnxEntityTagger.builder(dir)
                        .aggregation(Aggregation.AVERAGE)
                        .minScore(0.5)
                        .build()) {
            List<PrivacyItem> both = all.tag(text);
            assertThat(spans(text, both)).containsExactly("John/PERSON/PERSON", "Kate/PERSON/PERSON");
            assertThat(both.get(0).confidence()).isLessThan(0.5);
            assertThat(both.get(1).confidence()).isGreaterThan(0.5);
            assertThat(spans(text, strict.tag(text))).containsExactly("Kate/PERSON/PERSON");
        }
    }

    @Test
    void longText_isTaggedInOverlappingWindows_withTheSameItemsAsOneWindow() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(i % 2 == 0 ? "My name is Wolfgang Amadeus Mozart, " : "I live in New York and Paris. ");
        }
        String text = b.toString();
        TinyNerModel small = conll();
        small.maxPositions = 8; // 6 text tokens per window
        try (OnnxEntityTagger windowed = OnnxEntityTagger.builder(small.writeTo(tmp.resolve("small")))
                        .detector("ner")
                        .build();
                OnnxEntityTagger whole = OnnxEntityTagger.builder(conll().writeTo(tmp.resolve("whole")))
                        .detector("ner")
                        .build()) {
            assertThat(windowed.windowTokens()).isEqualTo(8);
            assertThat(whole.windowTokens()).isEqualTo(512);
            List<PrivacyItem> items = windowed.tag(text);

            assertThat(items).hasSize(18).isEqualTo(whole.tag(text));
            int from = 0;
            for (PrivacyItem item : items) {
                String s = span(text, item);
                assertThat(s).isIn("Wolfgang Amadeus Mozart", "New York", "Paris");
                assertThat(item.start()).isEqualTo(text.indexOf(s, from));
                from = item.end();
            }
        }
    }

    @Test
    void windows_withoutOverlapAndInSmallBatches_giveTheSameItems() {
        String text = "My name is Wolfgang Amadeus Mozart and I live in New York. ".repeat(5);
        TinyNerModel small = conll();
        small.maxPositions = 6;
        Path dir = small.writeTo(tmp.resolve("small"));
        try (OnnxEntityTagger a = OnnxEntityTagger.builder(dir)
                        .windowOverlap(0)
                        .maxBatch(1)
                        .build();
                OnnxEntityTagger b =
                        OnnxEntityTagger.builder(dir).windowOverlap(3).build()) {
            assertThat(a.windowOverlap()).isZero();
            assertThat(b.windowOverlap()).isEqualTo(3);
            assertThat(a.tag(text)).hasSize(10).isEqualTo(b.tag(text));
        }
    }

    @Test
    void fixedSizeExport_isPaddedToItsSequenceLength_andRunsItsBatchSize() {
        String text = "My name is Wolfgang Amadeus Mozart and I live in New York. ".repeat(4);
        TinyNerModel fixed = conll();
        fixed.batchDim = 1;
        fixed.sequenceDim = 10;
        try (OnnxEntityTagger a = OnnxEntityTagger.builder(fixed.writeTo(tmp.resolve("fixed")))
                        .detector("ner")
                        .build();
                OnnxEntityTagger whole = OnnxEntityTagger.builder(conll().writeTo(tmp.resolve("whole")))
                        .detector("ner")
                        .build()) {
            assertThat(a.windowTokens()).isEqualTo(10);
            assertThat(a.tag(text)).hasSize(8).isEqualTo(whole.tag(text));
            assertThat(a.tag("in Paris")).isEqualTo(whole.tag("in Paris"));
        }
    }

    @Test
    void tokenizerConfigModelMaxLength_capsTheWindow_unlessItIsTheNoLimitSentinel() throws IOException {
        Path capped = conll().writeTo(tmp.resolve("capped"));
        Files.writeString(capped.resolve("tokenizer_config.json"), "{\"model_max_length\": 64}");
        Path unlimited = conll().writeTo(tmp.resolve("unlimited"));
        Files.writeString(
                unlimited.resolve("tokenizer_config.json"), "{\"model_max_length\": 1000000000000000019884624838656}");
        try (OnnxEntityTagger a = OnnxEntityTagger.load(capped);
                OnnxEntityTagger b = OnnxEntityTagger.load(unlimited)) {
            assertThat(a.windowTokens()).isEqualTo(64);
            assertThat(b.windowTokens()).isEqualTo(512);
        }
    }

    @Test
    void maxTokens_capsTheWindowBelowTheModelLimit() {
        try (OnnxEntityTagger tagger = OnnxEntityTagger.builder(conll().writeTo(tmp.resolve("m")))
                .maxTokens(16)
                .build()) {
            assertThat(tagger.windowTokens()).isEqualTo(16);
        }
    }

    @Test
    void inputs_onlyThoseTheModelDeclaresAreFed() {
        TinyNerModel idsOnly = conll();
        idsOnly.attentionMask = false;
        TinyNerModel withTypes = conll();
        withTypes.tokenTypes = true;
        try (OnnxEntityTagger a = OnnxEntityTagger.load(idsOnly.writeTo(tmp.resolve("ids")));
                OnnxEntityTagger b = OnnxEntityTagger.load(withTypes.writeTo(tmp.resolve("types")))) {
            List<String> expected = List.of("Wolfgang Amadeus Mozart/PERSON/PERSON", "New York/LOCATION/LOCATION");
            assertThat(spans(MOZART, a.tag(MOZART))).isEqualTo(expected);
            assertThat(spans(MOZART, b.tag(MOZART))).isEqualTo(expected);
        }
    }

    @Test
    void plainPiiLabels_continueARun_andFirstAndLastNamesBecomeOnePerson() {
        TinyNerModel pii = new TinyNerModel(List.of("O", "FIRSTNAME", "LASTNAME", "EMAIL", "ORGANIZATION"))
                .plain("write", "to", "or", "mail")
                .token("Anna", "FIRSTNAME")
                .token("Berg", "LASTNAME")
                .token("anna", "EMAIL")
                .token("@", "EMAIL")
                .token("berg", "EMAIL")
                .token(".", "EMAIL")
                .token("se", "EMAIL");
        String text = "write to Anna Berg or mail anna@berg.se";
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(pii.writeTo(tmp.resolve("pii")))) {
            assertThat(spans(text, tagger.tag(text)))
                    .containsExactly("Anna Berg/PERSON/PERSON", "anna@berg.se/EMAIL_ADDRESS/CONTACT");
        }
    }

    @Test
    void uncasedModel_offsetsPointIntoTheOriginalText() {
        TinyNerModel uncased = new TinyNerModel(TinyNerModel.CONLL)
                .plain("hi", "from")
                .token("zoe", "B-PER")
                .token("mu", "B-LOC")
                .token("##nchen", "I-LOC");
        uncased.lowercase = true;
        String text = "😀 Hi from ZOË, München";
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(uncased.writeTo(tmp.resolve("uncased")))) {
            List<PrivacyItem> items = tagger.tag(text);
            assertThat(spans(text, items)).containsExactly("ZOË/PERSON/PERSON", "München/LOCATION/LOCATION");
            assertThat(items.get(0).start()).isEqualTo(text.indexOf("ZOË"));
        }
    }

    @Test
    void emptyAndUnknownText_haveNoItems() {
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(conll().writeTo(tmp.resolve("m")))) {
            assertThat(tagger.tag("")).isEmpty();
            assertThat(tagger.tag("   \n")).isEmpty();
            assertThat(tagger.tag("qqq zzz")).isEmpty();
        }
    }

    @Test
    void tag_isSafeFromManyThreads() throws Exception {
        String text = "My name is Wolfgang Amadeus Mozart and I live in New York. ".repeat(20);
        TinyNerModel small = conll();
        small.maxPositions = 32;
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(small.writeTo(tmp.resolve("m")))) {
            List<PrivacyItem> expected = tagger.tag(text);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<PrivacyItem>>> runs = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    runs.add(pool.submit(() -> tagger.tag(text)));
                }
                for (Future<List<PrivacyItem>> f : runs) {
                    assertThat(f.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void tag_afterClose_throws_andCloseIsIdempotent() {
        OnnxEntityTagger tagger = OnnxEntityTagger.load(conll().writeTo(tmp.resolve("m")));
        tagger.close();
        tagger.close();
        assertThatThrownBy(() -> tagger.tag(MOZART)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingDirectoryOrModelFile_isAModelLoadException() throws IOException {
        assertThatThrownBy(() -> OnnxEntityTagger.load(tmp.resolve("absent")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("absent");
        Path dir = conll().writeTo(tmp.resolve("m"));
        Files.delete(dir.resolve("model.onnx"));
        assertThatThrownBy(() -> OnnxEntityTagger.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.onnx");
    }

    @Test
    void modelFile_isAlsoFoundInTheHubAndQuantizedLayouts() throws IOException {
        Path hub = conll().writeTo(tmp.resolve("hub"));
        Files.createDirectories(hub.resolve("onnx"));
        Files.move(hub.resolve("model.onnx"), hub.resolve("onnx/model.onnx"));
        Path quantized = conll().writeTo(tmp.resolve("quantized"));
        Files.move(quantized.resolve("model.onnx"), quantized.resolve("model_quantized.onnx"));
        try (OnnxEntityTagger a = OnnxEntityTagger.load(hub);
                OnnxEntityTagger b = OnnxEntityTagger.load(quantized)) {
            assertThat(a.tag(MOZART)).hasSize(2);
            assertThat(b.tag(MOZART)).hasSize(2);
        }
    }

    @Test
    void corruptModelFile_isAModelLoadExceptionNamingIt() throws IOException {
        Path dir = conll().writeTo(tmp.resolve("m"));
        Files.write(dir.resolve("model.onnx"), "not a protobuf at all".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> OnnxEntityTagger.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(dir.resolve("model.onnx").toString());
    }

    @Test
    void configWithoutId2label_isAModelLoadException() {
        TinyNerModel m = conll();
        m.writeId2label = false;
        Path dir = m.writeTo(tmp.resolve("m"));
        assertThatThrownBy(() -> OnnxEntityTagger.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("id2label");
    }

    @Test
    void genericLabelNamesOrAnUnexpectedInput_areModelLoadExceptions() {
        TinyNerModel generic = conll();
        generic.genericLabels = true;
        Path a = generic.writeTo(tmp.resolve("generic"));
        assertThatThrownBy(() -> OnnxEntityTagger.load(a))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("LABEL_n");
        TinyNerModel positions = conll();
        positions.positionIds = true;
        Path b = positions.writeTo(tmp.resolve("positions"));
        assertThatThrownBy(() -> OnnxEntityTagger.load(b))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("position_ids");
    }

    @Test
    void missingTokenizerOrConfig_isAModelLoadExceptionNamingTheFile() throws IOException {
        Path a = conll().writeTo(tmp.resolve("a"));
        Files.delete(a.resolve("tokenizer.json"));
        assertThatThrownBy(() -> OnnxEntityTagger.load(a))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tokenizer.json");
        Path b = conll().writeTo(tmp.resolve("b"));
        Files.writeString(b.resolve("config.json"), "{ not json");
        assertThatThrownBy(() -> OnnxEntityTagger.load(b))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json");
    }

    @Test
    void unsupportedTokenizers_areRejectedNamingTheirType() throws IOException {
        Path dir = conll().writeTo(tmp.resolve("m"));
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\":{\"type\":\"Unigram\",\"vocab\":[]}}");
        assertThatThrownBy(() -> OnnxEntityTagger.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("Unigram");
        Files.writeString(
                dir.resolve("tokenizer.json"),
                "{\"pre_tokenizer\":{\"type\":\"Metaspace\"},\"model\":{\"type\":\"BPE\",\"vocab\":{},\"merges\":[]}}");
        assertThatThrownBy(() -> OnnxEntityTagger.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("BPE")
                .hasMessageContaining("Metaspace");
    }

    @Test
    void outputWithAnotherLabelCountThanTheConfig_isRejectedAtLoad() {
        TinyNerModel m = conll();
        m.graphLabels = 5;
        Path dir = m.writeTo(tmp.resolve("m"));
        assertThatThrownBy(() -> OnnxEntityTagger.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("predicts 5 labels")
                .hasMessageContaining("names 8");
    }

    @Test
    void logitsOfAnotherShapeThanTheInput_areALocalInferenceException() {
        TinyNerModel m = conll();
        m.dropFirstPosition = true;
        try (OnnxEntityTagger tagger = OnnxEntityTagger.load(m.writeTo(tmp.resolve("m")))) {
            assertThatThrownBy(() -> tagger.tag(MOZART))
                    .isInstanceOf(LocalInferenceException.class)
                    .isNotInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("shape");
        }
    }
}
