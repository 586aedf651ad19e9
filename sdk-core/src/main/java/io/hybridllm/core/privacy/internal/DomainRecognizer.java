package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;

/** Bare domain names with a common top-level domain ({@code example.com}): a walk from each dot, no regex. */
final class DomainRecognizer implements Recognizer {
    private static final List<String> TLDS =
            List.of("com", "org", "net", "io", "gov", "edu", "co.uk", "de", "site", "info", "biz", "vlaanderen");

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        String s = t.text;
        int n = s.length();
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            int labelEnd = dot;
            int start = dot;
            while (start > 0 && dot - start < 63 && label(s.charAt(start - 1))) {
                start--;
            }
            if (start == labelEnd || start > 0 && "@./-".indexOf(s.charAt(start - 1)) >= 0) {
                continue;
            }
            if (start > 0 && Character.isLetterOrDigit(s.charAt(start - 1))) {
                continue;
            }
            for (String tld : TLDS) {
                int end = dot + 1 + tld.length();
                if (end <= n
                        && s.startsWith(tld, dot + 1)
                        && (end == n || !label(s.charAt(end)) && s.charAt(end) != '@')) {
                    out.add(PrivacyItem.of("URL", PiiClass.OTHER, start, end, 0.45, "domain-url"));
                    break;
                }
            }
        }
    }

    private static boolean label(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }
}
