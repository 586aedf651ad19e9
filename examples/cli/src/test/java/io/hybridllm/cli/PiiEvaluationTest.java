package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiEvaluationTest {
    private final PiiEvaluation eval = new PiiEvaluation();

    private static PiiEvaluation.Gold gold(String label, int start, int end) {
        return new PiiEvaluation.Gold(label, PiiLabels.classOf(label).orElse(null), start, end);
    }

    private static PrivacyItem item(String type, PiiClass cls, int start, int end) {
        return PrivacyItem.of(type, cls, start, end, 0.9, "test");
    }

    @Test
    void aPredictionCountsAsRightWhenItOverlapsAGoldSpanOfTheSameClass() {
        eval.spanRecord(
                List.of(gold("EMAIL_ADDRESS", 10, 30), gold("PERSON", 0, 8)),
                List.of(
                        item("EMAIL_ADDRESS", PiiClass.CONTACT, 12, 30), // partial overlap, same class: right
                        item("LOCATION", PiiClass.LOCATION, 0, 8)), // overlaps the person, other class: wrong
                null);

        PiiEvaluation.Counts contact = eval.byClass.get(PiiClass.CONTACT);
        assertThat(contact.tp).isEqualTo(1);
        assertThat(contact.fp).isZero();
        assertThat(contact.recall()).isEqualTo(1.0);
        PiiEvaluation.Counts person = eval.byClass.get(PiiClass.PERSON);
        assertThat(person.gold).isEqualTo(1);
        assertThat(person.goldHit).isZero();
        assertThat(eval.byClass.get(PiiClass.LOCATION).precision()).isZero();
    }

    @Test
    void predictionsOnUnscoredLabelsAreNeitherRightNorWrong() {
        eval.spanRecord(
                List.of(gold("DATE_TIME", 0, 10)), List.of(item("DATE_OF_BIRTH", PiiClass.PERSON, 0, 10)), null);

        assertThat(eval.byClass).doesNotContainKey(PiiClass.PERSON);
    }

    @Test
    void checkedTypesLimitWhichPredictionsAreScored() {
        eval.spanRecord(
                List.of(gold("US_SSN", 0, 11)),
                List.of(item("US_SSN", PiiClass.GOV_ID, 0, 11), item("PERSON", PiiClass.PERSON, 20, 25)),
                Set.of(PiiClass.GOV_ID));

        assertThat(eval.byClass.get(PiiClass.GOV_ID).tp).isEqualTo(1);
        assertThat(eval.byClass).doesNotContainKey(PiiClass.PERSON);
    }

    @Test
    void aRecordLeaksOnlyWhenNoBlockingItemAtAllWasFound() {
        // A health number found as a government id still keeps the request on the device: no leak.
        eval.spanRecord(
                List.of(gold("DE_BSNR", 0, 9)),
                List.of(item("US_SSN", PiiClass.GOV_ID, 0, 9)),
                Set.of(PiiClass.HEALTH));
        // Only a non-blocking item: leak.
        eval.spanRecord(List.of(gold("US_SSN", 0, 11)), List.of(item("IP_ADDRESS", PiiClass.OTHER, 0, 11)), null);
        // A record whose only span is non-blocking cannot leak.
        eval.spanRecord(List.of(gold("IP_ADDRESS", 0, 7)), List.of(), null);

        assertThat(eval.recordsWithBlockingSpan).isEqualTo(2);
        assertThat(eval.leaks).isEqualTo(1);
    }

    @Test
    void aRecordWithoutSpansIsFalselyBlockedByABlockingItemOfAScoredClass() {
        eval.spanRecord(List.of(), List.of(item("PHONE_NUMBER", PiiClass.CONTACT, 0, 10)), null);
        eval.spanRecord(List.of(), List.of(item("URL", PiiClass.OTHER, 0, 10)), null);
        eval.spanRecord(
                List.of(), List.of(item("PERSON", PiiClass.PERSON, 0, 4)), Set.of(PiiClass.GOV_ID)); // not checked

        assertThat(eval.recordsWithoutSpans).isEqualTo(3);
        assertThat(eval.falseBlocks).isEqualTo(1);
    }

    @Test
    void secretFixturesAreScoredPerRecordAndPerDetector() {
        eval.secretRecord(true, "aws", List.of(item("AWS_ACCESS_KEY", PiiClass.SECRET, 0, 20)));
        eval.secretRecord(true, "aws", List.of(item("URL", PiiClass.OTHER, 0, 20)));
        eval.secretRecord(false, "jwt", List.of(item("JWT", PiiClass.SECRET, 0, 20)));
        eval.secretRecord(false, "jwt", List.of());

        assertThat(eval.secretPositives).isEqualTo(2);
        assertThat(eval.secretHits).isEqualTo(1);
        assertThat(eval.secretNegatives).isEqualTo(2);
        assertThat(eval.secretFalseAlarms).isEqualTo(1);
        assertThat(eval.secretByDetector.get("aws")).containsExactly(2, 1, 0, 0);
        assertThat(eval.secretByDetector.get("jwt")).containsExactly(0, 0, 2, 1);
    }
}
