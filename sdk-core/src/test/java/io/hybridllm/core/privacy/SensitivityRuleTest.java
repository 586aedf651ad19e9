package io.hybridllm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityRuleTest {
    private final SensitivityRule rule = SensitivityRule.defaults();

    private static PrivacyItem item(PiiClass c, double confidence) {
        return PrivacyItem.of("T", c, 0, 1, confidence, "test");
    }

    @Test
    void noItemsIsNone() {
        assertThat(rule.levelOf(List.of())).isEqualTo(SensitivityLevel.NONE);
    }

    @Test
    void confidentSecretsFinancialAndGovernmentIdsAreCritical() {
        assertThat(rule.levelOf(List.of(item(PiiClass.SECRET, 0.9)))).isEqualTo(SensitivityLevel.CRITICAL);
        assertThat(rule.levelOf(List.of(item(PiiClass.FINANCIAL, 0.5)))).isEqualTo(SensitivityLevel.CRITICAL);
        assertThat(rule.levelOf(List.of(item(PiiClass.GOV_ID, 0.45)))).isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void personalDataIsHighAndOtherIsLow() {
        assertThat(rule.levelOf(List.of(item(PiiClass.CONTACT, 0.9)))).isEqualTo(SensitivityLevel.HIGH);
        assertThat(rule.levelOf(List.of(item(PiiClass.PERSON, 0.4)))).isEqualTo(SensitivityLevel.LOW);
        assertThat(rule.levelOf(List.of(item(PiiClass.OTHER, 1.0)))).isEqualTo(SensitivityLevel.LOW);
    }

    private static PrivacyItem typed(String type, PiiClass c) {
        return PrivacyItem.of(type, c, 0, 1, 0.9, "test");
    }

    @Test
    void defaultRuleKeepsEveryConfidentNameAndPlaceHigh() {
        assertThat(rule.levelOf(List.of(typed("PERSON", PiiClass.PERSON)))).isEqualTo(SensitivityLevel.HIGH);
        assertThat(rule.levelOf(List.of(typed("LOCATION", PiiClass.LOCATION)))).isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void linkedRule_bareNamesAndPlacesAloneAreLow() {
        SensitivityRule rule = SensitivityRule.linkedNamesOnly();
        assertThat(rule.levelOf(List.of(typed("PERSON", PiiClass.PERSON)))).isEqualTo(SensitivityLevel.LOW);
        assertThat(rule.levelOf(List.of(typed("LOCATION", PiiClass.LOCATION), typed("LOCATION", PiiClass.LOCATION))))
                .isEqualTo(SensitivityLevel.LOW);
        assertThat(rule.levelOf(List.of(typed("PERSON", PiiClass.PERSON), typed("PERSON", PiiClass.PERSON))))
                .isEqualTo(SensitivityLevel.LOW);
    }

    @Test
    void linkedRule_aNameLinkedToAPlaceOrContactIsHigh() {
        SensitivityRule rule = SensitivityRule.linkedNamesOnly();
        assertThat(rule.levelOf(List.of(typed("PERSON", PiiClass.PERSON), typed("LOCATION", PiiClass.LOCATION))))
                .isEqualTo(SensitivityLevel.HIGH);
        assertThat(rule.levelOf(List.of(typed("PERSON", PiiClass.PERSON), typed("EMAIL_ADDRESS", PiiClass.CONTACT))))
                .isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void linkedRule_streetAddressesAndDatesOfBirthAreHighOnTheirOwn() {
        SensitivityRule rule = SensitivityRule.linkedNamesOnly();
        assertThat(rule.levelOf(List.of(typed("STREET_ADDRESS", PiiClass.LOCATION))))
                .isEqualTo(SensitivityLevel.HIGH);
        assertThat(rule.levelOf(List.of(typed("DATE_OF_BIRTH", PiiClass.PERSON))))
                .isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void theRequestTakesTheHighestItem() {
        assertThat(rule.levelOf(List.of(item(PiiClass.OTHER, 1), item(PiiClass.SECRET, 1), item(PiiClass.PERSON, 1))))
                .isEqualTo(SensitivityLevel.CRITICAL);
    }

    @Test
    void privacyRuleMapsLevelsToActions() {
        PrivacyAssessment high = PrivacyAssessment.of(SensitivityLevel.HIGH, List.of(item(PiiClass.CONTACT, 0.9)));
        PrivacyAssessment critical =
                PrivacyAssessment.of(SensitivityLevel.CRITICAL, List.of(item(PiiClass.SECRET, 0.9)));
        assertThat(PrivacyRule.withRedaction().decide(high)).isEqualTo(PrivacyAction.REDACT_THEN_REMOTE);
        assertThat(PrivacyRule.withRedaction().decide(critical)).isEqualTo(PrivacyAction.LOCAL_ONLY);
        assertThat(PrivacyRule.defaults().decide(high)).isEqualTo(PrivacyAction.LOCAL_ONLY);
        assertThat(PrivacyRule.defaults().decide(PrivacyAssessment.none())).isEqualTo(PrivacyAction.ALLOW);
    }
}
