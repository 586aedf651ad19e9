package io.hybridllm.core.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The regexes of every built-in pattern recognizer, for tests that check the scanning engine against them. */
final class BuiltInPatterns {
    private BuiltInPatterns() {}

    static List<Pattern> all() {
        List<Pattern> patterns = new ArrayList<>();
        for (List<Recognizer> group : List.of(IdentifierRecognizers.all(), SecretRecognizers.all())) {
            for (Recognizer r : group) {
                if (r instanceof PatternRunner p) {
                    patterns.add(p.pattern());
                }
            }
        }
        return patterns;
    }
}
