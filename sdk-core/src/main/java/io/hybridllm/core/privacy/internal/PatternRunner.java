package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PatternRecognizer;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;
import java.util.regex.Matcher;

/** Runs one {@link PatternRecognizer}: hint check, match, validate, context. */
final class PatternRunner implements Recognizer {
    private final PatternRecognizer r;
    private final int minDigits;

    PatternRunner(PatternRecognizer r, int minDigits) {
        this.r = r;
        this.minDigits = minDigits;
    }

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        if (t.digits < minDigits || r.hint() != null && !t.text.contains(r.hint())) {
            return;
        }
        Matcher m = r.pattern().matcher(t.text);
        while (m.find()) {
            int start = m.start(r.group());
            int end = m.end(r.group());
            if (start < 0 || end <= start) {
                continue;
            }
            String value = t.text.substring(start, end);
            if (!r.validate(value)) {
                continue;
            }
            boolean context = t.hasContext(start, end, r.contextWords());
            if (r.contextRequired() && !context) {
                continue;
            }
            double score = context ? r.contextScore() : r.score();
            out.add(PrivacyItem.of(r.type(), r.piiClass(), start, end, score, r.name()));
        }
    }

    @Override
    public String toString() {
        return r.toString();
    }
}
