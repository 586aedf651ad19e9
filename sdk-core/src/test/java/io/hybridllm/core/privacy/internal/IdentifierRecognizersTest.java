package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PatternRecognizer;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifierRecognizersTest {
    @Test
    void leadingLookBehindsAreSkippedWholeWithTheirClassesAndEscapes() {
        assertThat(IdentifierRecognizers.afterLookbehinds(IdentifierRecognizers.LD + "\\d{9}"))
                .isEqualTo("\\d{9}");
        assertThat(IdentifierRecognizers.afterLookbehinds(IdentifierRecognizers.LG + "[1-6]\\d{3}"))
                .isEqualTo("[1-6]\\d{3}");
        assertThat(IdentifierRecognizers.afterLookbehinds("(?<=[A-Za-z])(?:18|19)\\d{6}"))
                .isEqualTo("(?:18|19)\\d{6}");
        assertThat(IdentifierRecognizers.afterLookbehinds("(?i)abc")).isEqualTo("(?i)abc");
    }

    @Test
    void digitRunStartsFindWhatAFullSearchFinds() {
        // Trying only the starts of digit runs must report exactly what trying every position reports.
        String text = "ids 2605-0371-6, 260503716 and x4827 1639 5020; QX12 B7C5 4827 1639 5020 +447700677662 "
                + "card 4539 1488 0343 6467, 12 612 084 1008, nhs 612 084 1008, var198704123879 and 384719220.";
        List<String> regexes = List.of(
                IdentifierRecognizers.LG + "[1-6]\\d{3}(?:[ -]?\\d){8,15}" + IdentifierRecognizers.RD,
                IdentifierRecognizers.LG + "\\d{3}([- ]?)\\d{3}\\1\\d{4}" + IdentifierRecognizers.RD,
                IdentifierRecognizers.LD + "\\d{9}" + IdentifierRecognizers.RD,
                "(?<=[A-Za-z])(?:18|19|20)\\d{6}[-+]?\\d{4}" + IdentifierRecognizers.RD);
        for (String regex : regexes) {
            PatternRecognizer p = PatternRecognizer.builder("t", "T", PiiClass.OTHER)
                    .pattern(Pattern.compile(regex))
                    .score(0.5)
                    .build();
            List<PrivacyItem> everywhere = new ArrayList<>();
            List<PrivacyItem> runStarts = new ArrayList<>();
            new PatternRunner(p, 1, 700, List.of(), false).find(new ScanText(text), everywhere);
            new PatternRunner(p, 1, 700, List.of(), true).find(new ScanText(text), runStarts);
            assertThat(everywhere).as(regex).isNotEmpty();
            assertThat(runStarts).as(regex).isEqualTo(everywhere);
        }
    }
}
