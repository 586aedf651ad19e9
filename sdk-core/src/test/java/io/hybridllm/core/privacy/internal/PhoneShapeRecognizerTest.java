package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PrivacyItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phone shapes: a number repeated in one text gets the verdict it gets alone, wherever it stands. */
class PhoneShapeRecognizerTest {
    private static final List<String> SNIPPETS = List.of(
            "call me at 020 7946 0958 tonight",
            "order 55-10293 was charged twice",
            "office +49 30 901820 ext 12",
            "reach me on 917-123-4567",
            "ref 4412 5561 2234 99",
            "fax (02) 9374 4000 or");

    private static final String FILLER = "The weather stayed mild all week, and the garden looked green again.\n";

    @Test
    void repeatedNumbersGetTheSameItemsAsEachOccurrenceScannedAlone() {
        PhoneShapeRecognizer recognizer = new PhoneShapeRecognizer("US");
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String snippet : SNIPPETS) {
                int offset = text.length();
                for (PrivacyItem item : scan(recognizer, snippet)) {
                    expected.add(describe(item, offset));
                }
                // Filler longer than the context windows keeps one snippet's phone word away from the next number.
                text.append(snippet).append(".\n").append(FILLER);
            }
        }
        List<String> actual = new ArrayList<>();
        for (PrivacyItem item : scan(recognizer, text.toString())) {
            actual.add(describe(item, 0));
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    private static List<PrivacyItem> scan(PhoneShapeRecognizer recognizer, String text) {
        List<PrivacyItem> out = new ArrayList<>();
        recognizer.find(new ScanText(text), out);
        return out;
    }

    private static String describe(PrivacyItem item, int offset) {
        return (item.start() + offset) + "-" + (item.end() + offset) + " " + item.confidence() + " " + item.detector();
    }
}
