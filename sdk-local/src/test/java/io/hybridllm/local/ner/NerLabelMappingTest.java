package io.hybridllm.local.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.privacy.PiiClass;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NerLabelMappingTest {
    private final NerLabelMapping defaults = NerLabelMapping.defaults();

    @Test
    void defaults_coverConllOntonotesAndPiiModelLabels_withOrFromTheirSchemePrefix() {
        assertThat(defaults.piiClassOf("B-PER")).contains(PiiClass.PERSON);
        assertThat(defaults.piiClassOf("I-PERSON")).contains(PiiClass.PERSON);
        assertThat(defaults.piiClassOf("B-GPE")).contains(PiiClass.LOCATION);
        assertThat(defaults.piiClassOf("LOC")).contains(PiiClass.LOCATION);
        assertThat(defaults.piiClassOf("FIRSTNAME")).contains(PiiClass.PERSON);
        assertThat(defaults.typeOf("B-EMAIL")).contains("EMAIL_ADDRESS");
        assertThat(defaults.piiClassOf("S-CREDIT_CARD")).contains(PiiClass.FINANCIAL);
    }

    @Test
    void defaults_dropOrganisationsAndMisc() {
        assertThat(defaults.piiClassOf("B-ORG")).isEmpty();
        assertThat(defaults.piiClassOf("B-MISC")).isEmpty();
        assertThat(defaults.piiClassOf("O")).isEmpty();
    }

    @Test
    void labels_areComparedIgnoringCaseUnderscoresAndHyphens() {
        assertThat(defaults.typeOf("I-phone_number")).contains("PHONE_NUMBER");
        assertThat(defaults.typeOf("Phone-Number")).contains("PHONE_NUMBER");
        assertThat(defaults.typeOf("PHONENUMBER")).contains("PHONE_NUMBER");
    }

    @Test
    void toBuilder_addsAndDropsLabels_withoutChangingTheOriginal() {
        NerLabelMapping custom = defaults.toBuilder()
                .map("ORG", PiiClass.OTHER, "organization")
                .drop("LOC")
                .build();

        assertThat(custom.typeOf("B-ORG")).contains("ORGANIZATION");
        assertThat(custom.piiClassOf("B-LOC")).isEmpty();
        assertThat(defaults.piiClassOf("B-LOC")).contains(PiiClass.LOCATION);
        assertThat(NerLabelMapping.builder().build().piiClassOf("PER")).isEqualTo(Optional.empty());
    }

    @Test
    void map_rejectsTheOutsideLabel() {
        assertThatThrownBy(() -> NerLabelMapping.builder().map("O", PiiClass.OTHER, "X"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
