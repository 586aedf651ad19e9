package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PrivacyScannerBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Skipping impossible starts must find exactly what {@link Matcher#find()} finds. */
class StartTableTest {
    private static final String ALPHABET = "aAbBcCeExXsSzZ019257  \t\n.,:;-_/@+#'\"()=éßK\u212aİ";

    private static final List<String> TRICKY = List.of(
            "\\bfoo\\d",
            "\\Bab",
            "(?m)^ab\\d",
            "(?<![a-z])x\\d{2}",
            "(?<![\\w-]|\\d[.,])\\d{3}-\\d{2}",
            "(?i)(?<![A-Za-z0-9])[a-z]{2}\\d{3}(?![A-Za-z0-9])",
            "(?iu)k\\d",
            "a(?=b)b",
            "(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:.]{2,45}",
            "(\\d)[ .]\\1",
            "é\\d",
            "(?<![a-z])[ß-ÿ]?\\d");

    @Test
    void anchoredScanFindsTheSameMatchesAsFindForBuiltInAndTrickyPatterns() {
        List<Pattern> patterns = new ArrayList<>(BuiltInPatterns.all());
        for (String t : TRICKY) {
            patterns.add(Pattern.compile(t));
        }
        List<String> texts = new ArrayList<>(List.of(PrivacyScannerBenchmark.PROMPTS));
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(120);
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(sb.toString());
        }
        int tables = 0;
        for (Pattern p : patterns) {
            StartTable table = StartTable.of(p);
            if (table != null) {
                tables++;
            }
            for (String text : texts) {
                if (table != null && table.tokenStartsOnly) {
                    List<Integer> tokenStarts = new ArrayList<>();
                    for (int q : new ScanText(text).tokenStarts()) {
                        tokenStarts.add(q);
                    }
                    Matcher all = p.matcher(text);
                    while (all.find()) {
                        assertThat(tokenStarts)
                                .as("%s at %d in %s", p, all.start(), text)
                                .contains(all.start());
                    }
                }
                int from = Math.min(text.length(), 3);
                assertThat(anchored(p, table, text, from, text.length()))
                        .as("%s on %s", p, text)
                        .isEqualTo(plain(p, text, from, text.length()));
            }
        }
        assertThat(tables).isGreaterThan(patterns.size() / 2);
    }

    @Test
    void patternsWhoseStartDependsOnMoreThanOneCharacterGetNoTable() {
        assertThat(StartTable.of(Pattern.compile("(?<=ab)c"))).isNull();
        assertThat(StartTable.of(Pattern.compile("\\Gx"))).isNull();
        assertThat(StartTable.of(Pattern.compile("x?"))).isNull();
    }

    private static List<String> plain(Pattern p, String text, int from, int to) {
        Matcher m = p.matcher(text)
                .useTransparentBounds(true)
                .useAnchoringBounds(false)
                .region(from, to);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }

    private static List<String> anchored(Pattern p, StartTable table, String text, int from, int to) {
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<String> found = new ArrayList<>();
        for (int q = from; StartTable.find(m, table, text, q, to); q = Math.max(m.end(), m.start() + 1)) {
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }
}
