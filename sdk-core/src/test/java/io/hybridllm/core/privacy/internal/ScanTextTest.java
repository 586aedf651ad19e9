package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-text indexes must agree with plain searches over the text. */
class ScanTextTest {
    @Test
    void wholeTextWordChecksAgreeWithIndexOfOnTheLowerCaseText() {
        ScanText t = new ScanText("Meet Dr. Müller at the Straße 5; NIE X1234567L, passport AB1234567.");
        String lower = new String(t.lower());
        for (String w : List.of(
                "meet",
                "dr.",
                "müller",
                "straße",
                "nie",
                "passport",
                "passports",
                "driver",
                "x12",
                "at",
                "l,",
                "ab1")) {
            assertThat(t.containsLower(w, 0, t.text.length())).as(w).isEqualTo(lower.contains(w));
            assertThat(t.containsLower(w, 0, t.text.length())).as("again " + w).isEqualTo(lower.contains(w));
        }
    }

    @Test
    void tokenAndDigitRunStartsAreThePositionsTheirDefinitionsName() {
        Random random = new Random(3);
        String alphabet = "ab Z09.-é٣_\n";
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            List<Integer> tokens = new ArrayList<>();
            List<Integer> digitRuns = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (i == 0 || !ScanText.asciiAlnum(s.charAt(i - 1)) || c >= 128) {
                    tokens.add(i);
                }
                if (c >= '0' && c <= '9' && (i == 0 || !Character.isDigit(s.charAt(i - 1)))) {
                    digitRuns.add(i);
                }
            }
            ScanText t = new ScanText(s);
            assertThat(t.tokenStarts())
                    .as(s)
                    .containsExactly(tokens.stream().mapToInt(Integer::intValue).toArray());
            assertThat(t.digitRunStarts())
                    .as(s)
                    .containsExactly(
                            digitRuns.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
