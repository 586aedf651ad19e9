package io.hybridllm.local.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.PrivacyScanners;
import io.hybridllm.core.privacy.SensitivityLevel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerPrivacyScannerTest {
    @TempDir
    Path tmp;

    @Test
    void scanner_withTheTaggerOnly_reportsTheModelsEntitiesAndRaisesTheLevel() {
        String text = "My name is Wolfgang Amadeus Mozart and I live in New York.";
        try (OnnxEntityTagger tagger =
                OnnxEntityTagger.load(OnnxEntityTaggerTest.conll().writeTo(tmp.resolve("bert-ner")))) {
            PrivacyScanner scanner = PrivacyScanners.builder()
                    .entityTagger(tagger)
                    .namesAndPlaces(false)
                    .build();

            PrivacyAssessment a = scanner.scan(text);

            assertThat(a.level()).isEqualTo(SensitivityLevel.HIGH);
            assertThat(a.items()).extracting(PrivacyItem::detector).containsOnly("ner:bert-ner");
            assertThat(a.items())
                    .extracting(i -> text.substring(i.start(), i.end()) + "/" + i.piiClass())
                    .containsExactlyInAnyOrder("Wolfgang Amadeus Mozart/PERSON", "New York/LOCATION");
            assertThat(PrivacyScanners.builder()
                            .namesAndPlaces(false)
                            .build()
                            .scan(text)
                            .items())
                    .noneMatch(i -> i.piiClass() == PiiClass.PERSON);
        }
    }

    @Test
    void scanner_mergesTaggerItemsWithTheBuiltInRecognizers() {
        String text = "Mail Wolfgang Amadeus Mozart at wolfgang@example.org";
        try (OnnxEntityTagger tagger =
                OnnxEntityTagger.load(OnnxEntityTaggerTest.conll().writeTo(tmp.resolve("bert-ner")))) {
            PrivacyScanner scanner =
                    PrivacyScanners.builder().entityTagger(tagger).build();

            PrivacyAssessment a = scanner.scan(text);

            assertThat(a.items())
                    .anyMatch(i ->
                            i.piiClass() == PiiClass.CONTACT && !i.detector().startsWith("ner:"));
            assertThat(a.items())
                    .anyMatch(i -> i.piiClass() == PiiClass.PERSON
                            && i.start() <= text.indexOf("Amadeus")
                            && i.end() >= text.indexOf("Amadeus") + "Amadeus".length());
        }
    }
}
