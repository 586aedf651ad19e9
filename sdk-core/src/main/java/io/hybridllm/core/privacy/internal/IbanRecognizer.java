package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;

/**
 * IBANs, compact or in groups of four: a hand-written linear walk (no regex) that takes exactly the country's
 * length, then checks mod 97.
 */
final class IbanRecognizer implements Recognizer {
    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        if (t.digits < 12 || !t.hasUpper) {
            return;
        }
        String s = t.text;
        int n = s.length();
        for (int i = 0; i + 15 <= n; i++) {
            if (!upper(s.charAt(i)) || !upper(s.charAt(i + 1)) || !digit(s.charAt(i + 2)) || !digit(s.charAt(i + 3))) {
                continue;
            }
            if (i > 0 && alnum(s.charAt(i - 1))) {
                continue;
            }
            int expected = Checksums.ibanLength(s.substring(i, i + 2));
            if (expected == 0) {
                continue;
            }
            int p = i + 4;
            int count = 4;
            while (count < expected && p < n) {
                char c = s.charAt(p);
                if (upper(c) || digit(c)) {
                    count++;
                    p++;
                } else if ((c == ' ' || c == '-') && count % 4 == 0 && p + 1 < n && alnum(s.charAt(p + 1))) {
                    p++;
                } else {
                    break;
                }
            }
            if (count != expected || p < n && alnum(s.charAt(p))) {
                continue;
            }
            String value = s.substring(i, p);
            if (Checksums.iban(value)) {
                double score = t.hasContext(i, p, List.of("iban", "bank", "account", "transfer")) ? 1.0 : 0.95;
                out.add(PrivacyItem.of("IBAN_CODE", PiiClass.FINANCIAL, i, p, score, "iban-mod97"));
                i = p - 1;
            }
        }
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alnum(char c) {
        return upper(c) || digit(c) || c >= 'a' && c <= 'z';
    }
}
