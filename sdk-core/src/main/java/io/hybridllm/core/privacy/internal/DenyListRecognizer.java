package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Whole-word, case-insensitive occurrences of user-listed terms (code names, client names, project ids). */
final class DenyListRecognizer implements Recognizer {
    private final String type;
    private final PiiClass cls;
    private final List<String> terms;

    DenyListRecognizer(String type, PiiClass cls, Collection<String> terms) {
        this.type = type;
        this.cls = cls;
        List<String> t = new ArrayList<>();
        for (String term : terms) {
            String s = term.strip();
            if (!s.isEmpty()) {
                t.add(lower(s));
            }
        }
        this.terms = List.copyOf(t);
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(Character.toLowerCase(s.charAt(i)));
        }
        return b.toString().toLowerCase(Locale.ROOT).length() == s.length() ? b.toString() : b.toString();
    }

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        char[] l = t.lower();
        for (String term : terms) {
            int from = 0;
            while (true) {
                int i = ScanText.indexOf(l, term, from, l.length);
                if (i < 0) {
                    break;
                }
                int end = i + term.length();
                if ((i == 0 || !Character.isLetterOrDigit(l[i - 1]))
                        && (end == l.length || !Character.isLetterOrDigit(l[end]))) {
                    out.add(PrivacyItem.of(type, cls, i, end, 1.0, "deny-list"));
                }
                from = i + 1;
            }
        }
    }
}
