package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PrivacyItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
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

    @Test
    void shapeCandidatesFromTheStartTableAreTheMatchesOfFind() {
        Random random = new Random(5);
        int matches = 0;
        String[] pieces = {
            "0", "1", "7", "9", "12", "555", " ", "-", ".", "+", "(", ")", "(0)", "x", "ext.", "a", "/", ":", "\n", "é",
            "٣", "call "
        };
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(25); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            ScanText t = new ScanText(s);
            int from = random.nextInt(s.length() + 1);
            int to = from + random.nextInt(s.length() - from + 1);
            List<String> expected = new ArrayList<>();
            Matcher plain = PhoneShapeRecognizer.SHAPE
                    .matcher(s)
                    .useTransparentBounds(true)
                    .useAnchoringBounds(false);
            plain.region(from, to);
            while (plain.find()) {
                expected.add(plain.start() + "-" + plain.end());
            }
            List<String> actual = new ArrayList<>();
            Matcher m = PhoneShapeRecognizer.SHAPE
                    .matcher(s)
                    .useTransparentBounds(true)
                    .useAnchoringBounds(false);
            for (int q = from;
                    StartTable.find(m, PhoneShapeRecognizer.SHAPE_STARTS, PhoneShapeRecognizer.SHAPE_FACTS, t, q, to);
                    q = m.end()) {
                actual.add(m.start() + "-" + m.end());
            }
            assertThat(actual).as(s + " [" + from + ", " + to + ")").isEqualTo(expected);
            matches += expected.size();
        }
        assertThat(matches).isGreaterThan(500);
    }
}
