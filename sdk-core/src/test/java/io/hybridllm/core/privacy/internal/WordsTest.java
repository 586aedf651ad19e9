package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Words: the lazily built lower-case form is the root-locale lower case of the word's text. */
class WordsTest {
    @Test
    void lowerIsTheRootLocaleLowerCaseOfTheWordsText() {
        Random random = new Random(11);
        String alphabet = "abcXYZ -'’.é\u00c9\u0130\u0301ßẞ\u03a3\u03c3\n";
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            for (Words.Word w : Words.of(s)) {
                String expected = s.substring(w.start(), w.end()).toLowerCase(Locale.ROOT);
                assertThat(w.lower()).as(s).isEqualTo(expected);
                assertThat(w.lower()).as("again " + s).isEqualTo(expected);
            }
        }
    }

    @Test
    void capitalizationFlagsFollowTheFirstLetterAndTheRest() {
        String s = "Laura BENNETT met an Ö x in Île-de-France";
        StringBuilder flags = new StringBuilder();
        for (Words.Word w : Words.of(s)) {
            flags.append(s, w.start(), w.end())
                    .append(w.capitalized() ? "+C" : "")
                    .append(w.allCaps() ? "+A" : "")
                    .append(' ');
        }
        assertThat(flags.toString()).isEqualTo("Laura+C BENNETT+A met an Ö+C x in Île-de-France+C ");
    }
}
