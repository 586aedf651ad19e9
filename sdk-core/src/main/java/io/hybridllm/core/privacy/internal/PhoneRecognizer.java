package io.hybridllm.core.privacy.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;

/** Phone numbers found and validated by libphonenumber for a default region (numbers with + work anywhere). */
final class PhoneRecognizer implements Recognizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> CONTEXT = List.of(
            "phone", "call", "tel", "mobile", "cell", "fax", "contact", "whatsapp", "sms", "text me", "number", "ring");
    private static final long MAX_TRIES = 200;

    private final String region;

    PhoneRecognizer(String region) {
        this.region = region;
    }

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        if (t.digits < 7) {
            return;
        }
        int[] w = t.digitWindows();
        for (int k = 0; k < w.length; k += 3) {
            if (w[k + 2] >= 7) {
                find(t, w[k], w[k + 1], out);
            }
        }
    }

    private void find(ScanText t, int from, int to, List<PrivacyItem> out) {
        String window = t.text.substring(from, to);
        for (PhoneNumberMatch m : UTIL.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
            int start = from + m.start();
            int end = from + m.end();
            double score = t.hasContext(start, end, CONTEXT) ? 0.95 : 0.75;
            out.add(PrivacyItem.of("PHONE_NUMBER", PiiClass.CONTACT, start, end, score, "libphonenumber"));
        }
    }
}
